import { NextResponse, type NextRequest } from 'next/server';
import { SESSION_COOKIE_NAMES } from '@/auth.config';
import { getConfig } from '@/lib/config';
import { FLASH_COOKIE, FLASH_HEADER } from '@/lib/flash-cookie';
import { malformedWriteStatus } from '@/lib/malformed-write';
import { addressedHost, isCrossSiteWrite } from '@/lib/same-origin';
import { COMMON_SECURITY_HEADERS, contentSecurityPolicy, RESET_PAGE_HEADERS } from '@/lib/security-headers';
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

function withHeaders(response: NextResponse, headers: Record<string, string>): NextResponse {
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  return response;
}

/**
 * Cheap checks only: whether a write comes from another site or is malformed, whether a session cookie
 * is there at all, and whether a reset link's signature and expiry hold. Pages and
 * actions still verify for themselves.
 */
export async function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  const config = getConfig();

  if (isCrossSiteWrite(request, new URL(config.appUrl).origin)) {
    return withHeaders(new NextResponse('Cross-site request refused.', { status: 403 }), COMMON_SECURITY_HEADERS);
  }
  const malformed = await malformedWriteStatus(request);
  if (malformed) return withHeaders(new NextResponse('This request cannot be handled.', { status: malformed }), COMMON_SECURITY_HEADERS);
  const requestHeaders = new Headers(request.headers);
  if (request.headers.get('origin') === 'null') {
    // A same-origin post from a no-referrer page (checked above): name the origin, which
    // Next.js's server-action check needs and cannot read from "null".
    requestHeaders.set('origin', `${request.nextUrl.protocol}//${addressedHost(request.headers)}`);
  }

  if (pathname.startsWith('/api/')) return withHeaders(NextResponse.next({ request: { headers: requestHeaders } }), COMMON_SECURITY_HEADERS);

  const hasSession = SESSION_COOKIE_NAMES.some((name) => request.cookies.has(name));
  if (isProtected(pathname) && !hasSession) {
    const login = new URL('/login', request.nextUrl);
    login.searchParams.set('next', pathname + search);
    return withHeaders(NextResponse.redirect(login), COMMON_SECURITY_HEADERS);
  }

  // Next.js reads the nonce from the request's policy and puts it on the scripts it renders.
  const policy = contentSecurityPolicy(btoa(crypto.randomUUID()), !config.production);
  requestHeaders.set('content-security-policy', policy);
  requestHeaders.delete(FLASH_HEADER);
  const flash = request.cookies.get(FLASH_COOKIE)?.value;
  // Prefetches and action posts are not a page the user reads, so they leave the message for the next one.
  const showsPage = request.method === 'GET' && !request.headers.has('next-router-prefetch');
  if (flash && showsPage) requestHeaders.set(FLASH_HEADER, flash);

  let response = NextResponse.next({ request: { headers: requestHeaders } });
  const isResetPage = pathname.startsWith(RESET_PREFIX);
  if (isResetPage && pathname !== INVALID_RESET_PATH) {
    const check = await verifyToken(tokenFromPath(pathname), RESET_PASSWORD);
    if (!check.ok) response = NextResponse.rewrite(new URL(INVALID_RESET_PATH, request.nextUrl), { request: { headers: requestHeaders } });
  }
  withHeaders(response, { ...COMMON_SECURITY_HEADERS, 'Content-Security-Policy': policy, ...(isResetPage ? RESET_PAGE_HEADERS : {}) });
  if (flash && showsPage) response.cookies.delete(FLASH_COOKIE);
  return response;
}

export const config = {
  matcher: ['/((?!_next/static|_next/image|favicon.ico).*)'],
};
