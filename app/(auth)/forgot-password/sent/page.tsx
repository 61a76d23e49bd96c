import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { titleOf } from '@/i18n/metadata';
import { RESET_LINK_LIFETIME_MINUTES } from '@/lib/tokens';

export const generateMetadata = titleOf('resetRequested');

/** What every reset request is answered with, whatever the address: it must not tell who has an account. */
export default async function ResetRequestedPage() {
  const t = await getTranslations('resetRequested');
  return (
    <section className="card">
      <h1>{t('title')}</h1>
      <p>{t('instructions')}</p>
      <p>{t('onItsWay', { minutes: RESET_LINK_LIFETIME_MINUTES })}</p>
      <p>{t('nothingYet')}</p>
      <p>
        <Link href="/login">{t('backToSignIn')}</Link> · <Link href="/forgot-password">{t('newLink')}</Link>
      </p>
    </section>
  );
}
