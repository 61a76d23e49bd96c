import { getTranslations } from 'next-intl/server';
import { verifySession } from '@/lib/auth/dal';
import { resendConfirmationEmail } from '@/lib/auth/resend-confirmation-action';

/** Shown to a signed-in user until their address is confirmed. */
export async function UnconfirmedBanner() {
  const user = await verifySession();
  if (!user || user.emailConfirmedAt) return null;
  const t = await getTranslations('banner');
  return (
    <div className="banner" role="region" aria-label={t('label')}>
      <p>{t('unconfirmed', { email: user.email })}</p>
      <form action={resendConfirmationEmail}>
        <button type="submit" className="link-button">
          {t('resend')}
        </button>
      </form>
    </div>
  );
}
