import { getTranslations } from 'next-intl/server';
import { FormText } from '@/i18n/client-text';
import { titleOf } from '@/i18n/metadata';
import { InvalidResetLink } from '../invalid-reset-link';
import { checkResetLink } from '@/lib/auth/password-reset';
import { ResetPasswordForm } from './reset-password-form';

export const generateMetadata = titleOf('resetPassword');

/** Open to a signed-in user too: the link is proof enough, and the reset signs every session out. */
export default async function ResetPasswordPage({ params }: PageProps<'/reset/[token]'>) {
  const { token } = await params;
  // Only reads: opening the link (as mail scanners do) must not use it up.
  const check = await checkResetLink(token);
  if (!check.ok) return <InvalidResetLink />;
  const t = await getTranslations('resetPassword');
  return (
    <section className="card">
      <h1>{t('title')}</h1>
      <FormText>
        <ResetPasswordForm token={token} />
      </FormText>
    </section>
  );
}
