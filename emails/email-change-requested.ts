import type { Locale } from '@/i18n/locales';
import { formatUtc } from './_components/format-utc';
import { renderEmail, type RenderedEmail } from './_components/render';
import { emailText, greeting, signature } from './_components/text';

export interface EmailChangeRequestedProps {
  locale: Locale;
  username: string;
  newEmail: string;
  requestedAt: Date;
  forgotPasswordUrl: string;
}

/** Sent to the address an account is leaving: a warning only, with no link that could approve the change. */
export function emailChangeRequested({ locale, username, newEmail, requestedAt, forgotPasswordUrl }: EmailChangeRequestedProps): RenderedEmail {
  const t = emailText(locale);
  return renderEmail(locale, t('emailChangeRequested.subject'), [
    greeting(t, username),
    { kind: 'paragraph', text: t('emailChangeRequested.what', { when: formatUtc(requestedAt, locale), newEmail }) },
    { kind: 'paragraph', text: t('emailChangeRequested.advice') },
    { kind: 'link', href: forgotPasswordUrl, label: t('emailChangeRequested.link') },
    signature(t),
  ]);
}
