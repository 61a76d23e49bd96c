import Link from 'next/link';
import { RESET_LINK_LIFETIME_MINUTES } from '@/lib/tokens';

export function InvalidResetLink() {
  return (
    <section className="card">
      <h1>This link no longer works</h1>
      <p>
        The password reset link is invalid, has expired or has already been used. Links work once, for {RESET_LINK_LIFETIME_MINUTES}{' '}
        minutes.
      </p>
      <p>
        <Link href="/forgot-password">Request a new password reset link</Link>
      </p>
    </section>
  );
}
