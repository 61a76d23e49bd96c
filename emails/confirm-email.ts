import type { Locale } from '@/i18n/locales';
import { renderEmail, type RenderedEmail } from './_components/render';
import { emailText, greeting, signature } from './_components/text';

export interface ConfirmEmailProps {
  locale: Locale;
  username: string;
  confirmUrl: string;
  lifetimeHours: number;
}

export function confirmEmail({ locale, username, confirmUrl, lifetimeHours }: ConfirmEmailProps): RenderedEmail {
  const t = emailText(locale);
  return renderEmail(locale, t('confirmEmail.subject'), [
    greeting(t, username),
    { kind: 'paragraph', text: t('confirmEmail.intro') },
    { kind: 'link', href: confirmUrl, label: t('confirmEmail.link') },
    { kind: 'paragraph', text: t('confirmEmail.lifetime', { hours: lifetimeHours }) },
    { kind: 'paragraph', text: t('confirmEmail.ignore') },
    signature(t),
  ]);
}
