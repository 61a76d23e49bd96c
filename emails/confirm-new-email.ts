import type { Locale } from '@/i18n/locales';
import { renderEmail, type RenderedEmail } from './_components/render';
import { emailText, greeting, signature } from './_components/text';

export interface ConfirmNewEmailProps {
  locale: Locale;
  username: string;
  confirmUrl: string;
  lifetimeHours: number;
}

/** Sent to the address an account asked to move to; following the link makes the move. */
export function confirmNewEmail({ locale, username, confirmUrl, lifetimeHours }: ConfirmNewEmailProps): RenderedEmail {
  const t = emailText(locale);
  return renderEmail(locale, t('confirmNewEmail.subject'), [
    greeting(t, username),
    { kind: 'paragraph', text: t('confirmNewEmail.intro') },
    { kind: 'link', href: confirmUrl, label: t('confirmNewEmail.link') },
    { kind: 'paragraph', text: t('confirmNewEmail.lifetime', { hours: lifetimeHours }) },
    { kind: 'paragraph', text: t('confirmNewEmail.ignore') },
    signature(t),
  ]);
}
