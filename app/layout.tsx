import type { Metadata, Viewport } from 'next';
import { PHASE_PRODUCTION_BUILD } from 'next/constants';
import { getLocale, getTranslations } from 'next-intl/server';
import { Footer } from '@/components/footer';
import { UnconfirmedBanner } from '@/components/unconfirmed-banner';
import { ClientText } from '@/i18n/client-text';
import { FlashBanner } from '@/lib/flash/flash-banner';
import { Nav } from '@/components/nav';
import { runMaintenanceSoon } from '@/lib/maintenance';
import './globals.css';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('meta');
  return { title: { default: t('title'), template: t('titleTemplate') }, description: t('description') };
}

export const viewport: Viewport = { width: 'device-width', initialScale: 1 };

export default async function RootLayout({ children }: LayoutProps<'/'>) {
  // Every page view may move mail that came due, for hosts with no timer of their own;
  // a page prerendered by the build is no view, and the build has no database to look at.
  if (process.env.NEXT_PHASE !== PHASE_PRODUCTION_BUILD) runMaintenanceSoon();
  const [locale, t] = await Promise.all([getLocale(), getTranslations('layout')]);
  return (
    <html lang={locale}>
      <body>
        <a href="#content" className="skip-link">
          {t('skipToContent')}
        </a>
        <Nav />
        <main id="content" className="container" tabIndex={-1}>
          <FlashBanner />
          <UnconfirmedBanner />
          {/* The error page is a client component: it gets its words from here. */}
          <ClientText namespaces={['errorPage']}>{children}</ClientText>
        </main>
        <Footer />
      </body>
    </html>
  );
}
