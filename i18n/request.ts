import { cookies, headers } from 'next/headers';
import { getRequestConfig } from 'next-intl/server';
import { MESSAGES } from './catalog';
import { LOCALE_COOKIE } from './locales';
import { negotiateLocale } from './negotiate';

/** The page's language (no locale in the URL): the switcher's cookie, else Accept-Language, else English. */
export default getRequestConfig(async () => {
  const locale = negotiateLocale((await cookies()).get(LOCALE_COOKIE)?.value, (await headers()).get('accept-language'));
  // Times are rendered in UTC on the server (the reader's zone is unknown there), and say so.
  return { locale, messages: MESSAGES[locale], timeZone: 'UTC' };
});
