import { NextResponse, type NextRequest } from 'next/server';
import { RESET_PASSWORD, verifyToken } from '@/lib/tokens';
import { safeDecodeURIComponent } from './safe-decode';

const RESET_PREFIX = '/reset/';
const INVALID_RESET_PATH = '/reset/invalid';

/** Whether the path is an emailed link's (reset or confirmation), whose token is in the URL. */
export function carriesToken(pathname: string): boolean {
  return pathname.startsWith(RESET_PREFIX) || pathname.startsWith('/confirm/');
}

/**
 * Proxy step: shows "This link no longer works" in place of a reset page whose token's
 * signature or expiry fails, before the page renders; else null. The page itself
 * checks again, whether the link was already used included.
 */
export async function rewriteDeadResetLink(request: NextRequest, forwarded: Headers): Promise<NextResponse | null> {
  const { pathname } = request.nextUrl;
  if (!pathname.startsWith(RESET_PREFIX) || pathname === INVALID_RESET_PATH) return null;
  const check = await verifyToken(safeDecodeURIComponent(pathname.slice(RESET_PREFIX.length)) ?? '', RESET_PASSWORD);
  if (check.ok) return null;
  return NextResponse.rewrite(new URL(INVALID_RESET_PATH, request.nextUrl), { request: { headers: forwarded } });
}
