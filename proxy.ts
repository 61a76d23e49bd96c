import { NextResponse, type NextRequest } from 'next/server';
import { SESSION_COOKIE_NAMES } from '@/auth.config';
import { FLASH_COOKIE, FLASH_HEADER } from '@/lib/flash-cookie';
import { RESET_PASSWORD, verifyToken } from '@/lib/tokens';

const PROTECTED_PREFIXES = ['/edit-profile', '/explore', '/user/'];
const RESET_PREFIX = '/reset/';
const INVALID_RESET_PATH = '/reset/invalid';

function tokenFromPath(pathname: string): string {
  try {
    return decodeURIComponent(pathname.slice(RESET_PREFIX.length));
  } catch {
    return '';
  }
}

function isProtected(pathname: string): boolean {
  return pathname === '/' || PROTECTED_PREFIXES.some((prefix) => pathname.startsWith(prefix));
}

/**
 * Cheap checks only: whether a session cookie is there at all, and whether a reset
 * link's signature and expiry hold. Pages and actions still verify for themselves.
 */
export async function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  const hasSession = SESSION_COOKIE_NAMES.some((name) => request.cookies.has(name));

  if (isProtected(pathname) && !hasSession) {
    const login = new URL('/login', request.nextUrl);
    login.searchParams.set('next', pathname + search);
    return NextResponse.redirect(login);
  }

  const requestHeaders = new Headers(request.headers);
  requestHeaders.delete(FLASH_HEADER);
  const flash = request.cookies.get(FLASH_COOKIE)?.value;
  // Prefetches and action posts are not a page the user reads, so they leave the message for the next one.
  const showsPage = request.method === 'GET' && !request.headers.has('next-router-prefetch');
  if (flash && showsPage) requestHeaders.set(FLASH_HEADER, flash);

  let response = NextResponse.next({ request: { headers: requestHeaders } });
  if (pathname.startsWith(RESET_PREFIX) && pathname !== INVALID_RESET_PATH) {
    const check = await verifyToken(tokenFromPath(pathname), RESET_PASSWORD);
    if (!check.ok) response = NextResponse.rewrite(new URL(INVALID_RESET_PATH, request.nextUrl), { request: { headers: requestHeaders } });
  }
  if (pathname.startsWith(RESET_PREFIX)) {
    // The token is in the path: keep it out of other sites' Referer headers and out of caches.
    // Not `no-referrer`: under it browsers post the form with `Origin: null`, which
    // Next's server-action CSRF check rightly refuses.
    response.headers.set('Referrer-Policy', 'same-origin');
    response.headers.set('Cache-Control', 'no-store');
  }
  if (flash && showsPage) response.cookies.delete(FLASH_COOKIE);
  return response;
}

export const config = {
  matcher: ['/((?!_next/static|_next/image|favicon.ico|api/).*)'],
};
