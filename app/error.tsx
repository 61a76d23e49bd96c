'use client';
import Link from 'next/link';
import { useText } from '@/components/text-provider';

/** Shown for any unexpected server error; the admins get the details by mail, the user never sees them. */
export default function ErrorPage({ error }: { error: Error & { digest?: string } }) {
  const t = useText('errorPage');
  return (
    <section className="card">
      <h1>{t('heading')}</h1>
      <p>{t('text')}</p>
      {error.digest ? (
        <p className="muted">
          {t('reference')} {error.digest}
        </p>
      ) : null}
      <p>
        <Link href="/">{t('back')}</Link>
      </p>
    </section>
  );
}
