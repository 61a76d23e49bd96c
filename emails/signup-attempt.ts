import type { Locale } from '@/i18n/locales';
import { renderEmail, type RenderedEmail } from './_components/render';
import { emailText, greeting, signature } from './_components/text';

export interface SignupAttemptProps {
  locale: Locale;
  username: string;
  forgotPasswordUrl: string;
}

/**
 * Sent instead of an error when someone signs up with an address that has an account:
 * the sign-up form answers as for a new address, so it cannot tell who has an account.
 */
export function signupAttemptEmail({ locale, username, forgotPasswordUrl }: SignupAttemptProps): RenderedEmail {
  const t = emailText(locale);
  return renderEmail(locale, t('signupAttempt.subject'), [
    greeting(t, username),
    { kind: 'paragraph', text: t('signupAttempt.what') },
    { kind: 'paragraph', text: t('signupAttempt.advice', { username }) },
    { kind: 'link', href: forgotPasswordUrl, label: t('signupAttempt.link') },
    { kind: 'paragraph', text: t('signupAttempt.ignore') },
    signature(t),
  ]);
}
