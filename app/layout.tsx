import type { Metadata, Viewport } from 'next';
import { UnconfirmedBanner } from '@/components/unconfirmed-banner';
import { FlashBanner } from '@/lib/flash/flash-banner';
import { Nav } from '@/components/nav';
import { runMaintenanceSoon } from '@/lib/maintenance';
import './globals.css';

export const metadata: Metadata = {
  title: { default: 'Microblog', template: '%s · Microblog' },
  description: 'Post, follow, and never lose a password for long.',
};

export const viewport: Viewport = { width: 'device-width', initialScale: 1 };

export default function RootLayout({ children }: LayoutProps<'/'>) {
  // Every page view may move mail that came due, for hosts with no timer of their own.
  runMaintenanceSoon();
  return (
    <html lang="en">
      <body>
        <a href="#content" className="skip-link">
          Skip to content
        </a>
        <Nav />
        <main id="content" className="container" tabIndex={-1}>
          <FlashBanner />
          <UnconfirmedBanner />
          {children}
        </main>
      </body>
    </html>
  );
}
