import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { RESET_LINK_LIFETIME_MINUTES } from '@/lib/tokens';

export async function InvalidResetLink() {
  const t = await getTranslations('invalidResetLink');
  return (
    <section className="card">
      <h1>{t('heading')}</h1>
      <p>{t('text', { minutes: RESET_LINK_LIFETIME_MINUTES })}</p>
      <p>
        <Link href="/forgot-password">{t('newLink')}</Link>
      </p>
    </section>
  );
}
