'use client';
import { useSyncExternalStore } from 'react';
import type { Locale } from '@/i18n/locales';

const subscribe = () => () => undefined;

/**
 * The locales to write a date in: the page's language, in the reader's own variety of it
 * when the browser names one (en-GB writes day before month), else the language itself.
 */
function readerLocales(locale: Locale): string[] {
  const varieties = navigator.languages.filter((tag) => tag === locale || tag.startsWith(`${locale}-`));
  return [...varieties, locale];
}

/**
 * A time in the page's language and the reader's zone. The server does not know the zone,
 * so it renders UTC; the browser re-renders in local time once it runs.
 */
export function LocalTime({ date, locale, relative = false }: { date: Date; locale: Locale; relative?: boolean }) {
  const isBrowser = useSyncExternalStore(subscribe, () => true, () => false);
  const iso = date.toISOString();
  let text = `${iso.slice(0, 16).replace('T', ' ')} UTC`;
  if (isBrowser) {
    const locales = readerLocales(locale);
    text = relative ? describeAgo(date, locales) : date.toLocaleString(locales, { dateStyle: 'medium', timeStyle: 'short' });
  }
  return (
    <time dateTime={iso} title={iso}>
      {text}
    </time>
  );
}

function describeAgo(date: Date, locales: string[]): string {
  const seconds = Math.round((date.getTime() - Date.now()) / 1000);
  const format = new Intl.RelativeTimeFormat(locales, { numeric: 'auto' });
  for (const [unit, size] of [['year', 31_536_000], ['month', 2_592_000], ['day', 86_400], ['hour', 3600], ['minute', 60]] as const) {
    if (Math.abs(seconds) >= size) return format.format(Math.round(seconds / size), unit);
  }
  return format.format(seconds, 'second');
}
