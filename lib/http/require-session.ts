import { NextResponse, type NextRequest } from 'next/server';
import { includesSessionCookie } from '@/auth.config';
import { urlHere } from './same-origin';

const PROTECTED_PREFIXES = ['/avatar/', '/edit-profile', '/explore', '/settings', '/user/'];

function isProtected(pathname: string): boolean {
  return pathname === '/' || PROTECTED_PREFIXES.some((prefix) => pathname.startsWith(prefix));
}

/**
 * Proxy step: a redirect to sign in for a members' page requested without any session
 * cookie, else null. Only the cookie's presence is checked here; pages verify it.
 */
export function requireSessionCookie(request: NextRequest): NextResponse | null {
  const { pathname, search } = request.nextUrl;
  if (!isProtected(pathname) || includesSessionCookie(request.cookies.getAll().map((cookie) => cookie.name))) return null;
  const login = urlHere('/login', request);
  login.searchParams.set('next', pathname + search);
  return NextResponse.redirect(login);
}
