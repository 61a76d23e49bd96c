import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { titleOf } from '@/i18n/metadata';

export const generateMetadata = titleOf('notFound');

export default async function NotFound() {
  const t = await getTranslations('notFound');
  return (
    <section className="card">
      <h1>{t('title')}</h1>
      <p>{t('text')}</p>
      <p>
        <Link href="/">{t('back')}</Link>
      </p>
    </section>
  );
}
