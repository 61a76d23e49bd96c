import type { Locale } from '@/i18n/locales';

// British English writes "2 January 2025 at 14:03", the order the English emails have always used.
const DATE_LOCALES: Record<Locale, string> = { en: 'en-GB', 'zh-CN': 'zh-CN' };

/** The reader's time zone is unknown to the server, so times are given in UTC and say so. */
export const formatUtc = (date: Date, locale: Locale) =>
  new Intl.DateTimeFormat(DATE_LOCALES[locale], { dateStyle: 'long', timeStyle: 'short', timeZone: 'UTC' }).format(date) + ' UTC';
