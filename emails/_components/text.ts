import 'server-only';
import { createTranslator } from 'next-intl';
import { MESSAGES } from '@/i18n/catalog';
import type { Locale } from '@/i18n/locales';
import type { EmailBlock } from './render';

/**
 * The words of emails in the recipient's language. Mail is often rendered with no request
 * behind it, or for someone other than the requester, so this never asks the request.
 */
export function emailText(locale: Locale) {
  return createTranslator({ locale, messages: MESSAGES[locale], namespace: 'emails' });
}

type EmailTranslator = ReturnType<typeof emailText>;

export const greeting = (t: EmailTranslator, username: string): EmailBlock => ({ kind: 'paragraph', text: t('greeting', { username }) });

export const signature = (t: EmailTranslator): EmailBlock => ({ kind: 'signature', lines: [t('closing'), t('team')] });
