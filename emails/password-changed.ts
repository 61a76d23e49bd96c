import type { Locale } from '@/i18n/locales';
import { formatUtc } from './_components/format-utc';
import { renderEmail, type RenderedEmail } from './_components/render';
import { emailText, greeting, signature } from './_components/text';

export interface PasswordChangedEmailProps {
  locale: Locale;
  username: string;
  changedAt: Date;
  forgotPasswordUrl: string;
}

export function passwordChangedEmail({ locale, username, changedAt, forgotPasswordUrl }: PasswordChangedEmailProps): RenderedEmail {
  const t = emailText(locale);
  return renderEmail(locale, t('passwordChanged.subject'), [
    greeting(t, username),
    { kind: 'paragraph', text: t('passwordChanged.what', { when: formatUtc(changedAt, locale) }) },
    { kind: 'paragraph', text: t('passwordChanged.advice') },
    { kind: 'link', href: forgotPasswordUrl, label: t('passwordChanged.link') },
    signature(t),
  ]);
}
