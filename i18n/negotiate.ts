import { DEFAULT_LOCALE, isLocale, type Locale } from './locales';

// Chinese written in simplified characters: mainland China, Singapore, or a tag that says so.
// Traditional (zh-TW, zh-HK, zh-Hant) readers are not sent to simplified text unasked.
const SIMPLIFIED_CHINESE = /^zh(?:-hans)?(?:-(?:cn|sg|my))?$/;

/** The locale one Accept-Language tag asks for, if we have it. */
function localeOfTag(tag: string): Locale | undefined {
  const lower = tag.toLowerCase();
  if (lower === 'en' || lower.startsWith('en-')) return 'en';
  if (SIMPLIFIED_CHINESE.test(lower)) return 'zh-CN';
  return undefined;
}

/** Accept-Language's tags, most wanted first; `q=0` means "not this one". */
function preferredTags(acceptLanguage: string): string[] {
  return acceptLanguage
    .split(',')
    .map((part, index) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.map((param) => param.trim().match(/^q=([\d.]+)$/)?.[1]).find(Boolean);
      return { tag: tag.trim(), q: q === undefined ? 1 : Number(q), index };
    })
    .filter(({ tag, q }) => tag && q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index)
    .map(({ tag }) => tag);
}

/** The page's language: the switcher's cookie, else the browser's first language we have, else English. */
export function negotiateLocale(cookie: string | undefined, acceptLanguage: string | null): Locale {
  if (isLocale(cookie)) return cookie;
  for (const tag of preferredTags(acceptLanguage ?? '')) {
    const locale = localeOfTag(tag);
    if (locale) return locale;
  }
  return DEFAULT_LOCALE;
}
