import 'server-only';
import type { NextResponse } from 'next/server';
import { verifySession } from '@/lib/auth/dal';
import { setUserLocale } from '@/lib/db/users';
import { LOCALE_COOKIE, type Locale } from './locales';

const ONE_YEAR_SECONDS = 365 * 24 * 60 * 60;

/** Keeps a chosen language: for this browser in a cookie, and on the signed-in account for its mail. */
export async function rememberLocale(locale: Locale, cookies: NextResponse['cookies']): Promise<void> {
  cookies.set(LOCALE_COOKIE, locale, { path: '/', sameSite: 'lax', httpOnly: true, maxAge: ONE_YEAR_SECONDS });
  const user = await verifySession();
  if (user && user.locale !== locale) await setUserLocale(user.id, locale);
}
