import type { Metadata } from 'next';
import Link from 'next/link';

export const metadata: Metadata = { title: 'Not Found' };

export default function NotFound() {
  return (
    <section className="card">
      <h1>Not Found</h1>
      <p>Sorry, there is nothing at this address.</p>
      <p>
        <Link href="/">Back</Link>
      </p>
    </section>
  );
}
