'use client';
import Link from 'next/link';

/** Shown for any unexpected server error; the admins get the details by mail, the user never sees them. */
export default function ErrorPage({ error }: { error: Error & { digest?: string } }) {
  return (
    <section className="card">
      <h1>An unexpected error has occurred</h1>
      <p>The administrator has been notified. Sorry for the inconvenience!</p>
      {error.digest ? <p className="muted">Reference: {error.digest}</p> : null}
      <p>
        <Link href="/">Back</Link>
      </p>
    </section>
  );
}
