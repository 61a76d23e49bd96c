import Link from 'next/link';
import type { ReactNode } from 'react';
import { getTranslations } from 'next-intl/server';
import { FormText } from '@/i18n/client-text';
import { titleOf } from '@/i18n/metadata';
import { requireSession } from '@/lib/auth/dal';
import { ChangeEmailForm } from './change-email-form';
import { ChangePasswordForm } from './change-password-form';
import { SignedInDevices } from './signed-in-devices';

export const generateMetadata = titleOf('settings');

export default async function SettingsPage() {
  const { user, session } = await requireSession('/settings');
  const t = await getTranslations('settings');
  const address = {
    email: user.email,
    address: (chunks: ReactNode) => <strong>{chunks}</strong>,
    profile: (chunks: ReactNode) => <Link href="/edit-profile">{chunks}</Link>,
  };
  return (
    <section className="card">
      <h1>{t('title')}</h1>
      <p>{user.emailConfirmedAt ? t.rich('addressConfirmed', address) : t.rich('addressUnconfirmed', address)}</p>
      <FormText>
        <h2 id="change-email">{t('changeEmail')}</h2>
        <p>{t('changeEmailIntro')}</p>
        <ChangeEmailForm labelledBy="change-email" />
        <h2 id="change-password">{t('changePassword')}</h2>
        <p>{t('changePasswordIntro')}</p>
        <ChangePasswordForm labelledBy="change-password" />
      </FormText>
      <h2 id="devices">{t('devices')}</h2>
      <p>{t('devicesIntro')}</p>
      <SignedInDevices userId={user.id} currentSessionId={session.id} />
    </section>
  );
}
