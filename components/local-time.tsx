'use client';
import { useSyncExternalStore } from 'react';

const subscribe = () => () => undefined;

/**
 * A time in the reader's locale and zone. The server does not know them, so it
 * renders UTC; the browser re-renders in local time once it runs.
 */
export function LocalTime({ date, relative = false }: { date: Date; relative?: boolean }) {
  const isBrowser = useSyncExternalStore(subscribe, () => true, () => false);
  const iso = date.toISOString();
  let text = `${iso.slice(0, 16).replace('T', ' ')} UTC`;
  if (isBrowser) {
    text = relative ? describeAgo(date) : date.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
  }
  return (
    <time dateTime={iso} title={iso}>
      {text}
    </time>
  );
}

function describeAgo(date: Date): string {
  const seconds = Math.round((date.getTime() - Date.now()) / 1000);
  const format = new Intl.RelativeTimeFormat(undefined, { numeric: 'auto' });
  for (const [unit, size] of [['year', 31_536_000], ['month', 2_592_000], ['day', 86_400], ['hour', 3600], ['minute', 60]] as const) {
    if (Math.abs(seconds) >= size) return format.format(Math.round(seconds / size), unit);
  }
  return format.format(seconds, 'second');
}
