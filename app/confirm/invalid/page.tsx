import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { titleOf } from '@/i18n/metadata';

export const generateMetadata = titleOf('invalidEmailLink');

export default async function InvalidEmailLinkPage() {
  const t = await getTranslations('invalidEmailLink');
  return (
    <section className="card">
      <h1>{t('heading')}</h1>
      <p>{t('text')}</p>
      <p>
        <Link href="/settings">{t('toSettings')}</Link>
      </p>
    </section>
  );
}
