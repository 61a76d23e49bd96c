import { getTranslations } from 'next-intl/server';
import { FormText } from '@/i18n/client-text';
import { titleOf } from '@/i18n/metadata';
import { redirectIfSignedIn } from '@/lib/auth/dal';
import { ForgotPasswordForm } from './forgot-password-form';

export const generateMetadata = titleOf('forgotPassword');

export default async function ForgotPasswordPage() {
  await redirectIfSignedIn();
  const t = await getTranslations('forgotPassword');
  return (
    <section className="card">
      <h1>{t('title')}</h1>
      <p>{t('intro')}</p>
      <FormText>
        <ForgotPasswordForm />
      </FormText>
    </section>
  );
}
