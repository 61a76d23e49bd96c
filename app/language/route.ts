import { NextResponse } from 'next/server';
import { rememberLocale } from '@/i18n/remember-locale';
import { isLocale } from '@/i18n/locales';
import { askedPath } from '@/lib/http/prerendered-pages';
import { safeRedirectPath } from '@/lib/http/safe-redirect';

/**
 * The footer's language switcher posts here: the choice goes into a cookie (and onto the
 * account, so mail follows it), and the browser goes back to the page it was on.
 */
export async function POST(request: Request) {
  const form = await request.formData().catch(() => null);
  const locale = form?.get('locale');
  // A relative Location: the request's own URL may name an internal address, not the public one.
  const response = new NextResponse(null, { status: 303, headers: { Location: askedPath(safeRedirectPath(form?.get('next'))) } });
  if (isLocale(locale)) await rememberLocale(locale, response.cookies);
  return response;
}
