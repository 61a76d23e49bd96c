import type { Locale } from '@/i18n/locales';
import { renderEmail, type RenderedEmail } from './_components/render';
import { emailText, greeting, signature } from './_components/text';

export interface ResetPasswordEmailProps {
  locale: Locale;
  username: string;
  resetUrl: string;
  lifetimeMinutes: number;
}

export function resetPasswordEmail({ locale, username, resetUrl, lifetimeMinutes }: ResetPasswordEmailProps): RenderedEmail {
  const t = emailText(locale);
  return renderEmail(locale, t('resetPassword.subject'), [
    greeting(t, username),
    { kind: 'paragraph', text: t('resetPassword.intro') },
    { kind: 'link', href: resetUrl, label: t('resetPassword.link') },
    { kind: 'paragraph', text: t('resetPassword.lifetime', { minutes: lifetimeMinutes }) },
    { kind: 'paragraph', text: t('resetPassword.ignore') },
    signature(t),
  ]);
}
