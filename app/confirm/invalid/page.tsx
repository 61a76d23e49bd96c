import type { Metadata } from 'next';
import Link from 'next/link';

export const metadata: Metadata = { title: 'Link expired' };

export default function InvalidEmailLinkPage() {
  return (
    <section className="card">
      <h1>This link no longer works</h1>
      <p>
        The confirmation link is invalid or has expired, or your email address has changed since it was sent. Sign in and
        ask for a new one.
      </p>
      <p>
        <Link href="/settings">Go to your settings</Link>
      </p>
    </section>
  );
}
