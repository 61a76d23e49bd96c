import type { Metadata } from 'next';
import Link from 'next/link';
import { RESET_LINK_LIFETIME_MINUTES } from '@/lib/tokens';

export const metadata: Metadata = { title: 'Check Your Email' };

/** What every reset request is answered with, whatever the address: it must not tell who has an account. */
export default function ResetRequestedPage() {
  return (
    <section className="card">
      <h1>Check Your Email</h1>
      <p>Check your email for the instructions to reset your password</p>
      <p>
        If an account uses the address you gave, a link to choose a new password is on its way. It works once, for{' '}
        {RESET_LINK_LIFETIME_MINUTES} minutes.
      </p>
      <p>Nothing after a few minutes? Look in your spam or junk folder, or ask for a new link.</p>
      <p>
        <Link href="/login">Back to Sign In</Link> · <Link href="/forgot-password">Ask for a new link</Link>
      </p>
    </section>
  );
}
