'use client';
import { usePathname, useSearchParams } from 'next/navigation';
import { LOCALE_NAMES, LOCALES, type Locale } from '@/i18n/locales';

/**
 * "English" and "中文": a plain form posted to /language, so it works without JavaScript,
 * and the page it brings back is rendered anew in the chosen language.
 */
export function LanguageSwitcher({ current, label }: { current: Locale; label: string }) {
  const pathname = usePathname();
  const search = useSearchParams().toString();
  return (
    <form method="post" action="/language" className="language-switcher" aria-label={label}>
      <input type="hidden" name="next" value={search ? `${pathname}?${search}` : pathname} />
      {LOCALES.map((locale) => (
        <button key={locale} type="submit" name="locale" value={locale} lang={locale} aria-pressed={locale === current} className="link-button">
          {LOCALE_NAMES[locale]}
        </button>
      ))}
    </form>
  );
}
