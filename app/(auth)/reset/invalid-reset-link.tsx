import Link from 'next/link';

export function InvalidResetLink() {
  return (
    <section className="card">
      <h1>This link no longer works</h1>
      <p>The password reset link is invalid, has expired or has already been used. Links work once, for 10 minutes.</p>
      <p>
        <Link href="/forgot-password">Request a new password reset link</Link>
      </p>
    </section>
  );
}
