import { NextResponse, type NextRequest } from 'next/server';
import { CHANGE_EMAIL, CONFIRM_EMAIL, RESET_PASSWORD, verifyToken, type TokenPurpose } from '@/lib/tokens';
import { safeDecodeURIComponent } from './safe-decode';
import { urlHere } from './same-origin';

/** The emailed links whose token is in the path: each kind, the purposes it takes and where a dead one is explained. */
const LINK_KINDS: { prefix: string; purposes: TokenPurpose[]; invalidPath: string }[] = [
  { prefix: '/reset/', purposes: [RESET_PASSWORD], invalidPath: '/reset/invalid' },
  { prefix: '/confirm/', purposes: [CONFIRM_EMAIL, CHANGE_EMAIL], invalidPath: '/confirm/invalid' },
];

const linkKind = (pathname: string) => LINK_KINDS.find((kind) => pathname.startsWith(kind.prefix) && pathname !== kind.invalidPath);

/** Whether the path is an emailed link's (reset or confirmation), whose token is in the URL. */
export function carriesToken(pathname: string): boolean {
  return LINK_KINDS.some((kind) => pathname.startsWith(kind.prefix));
}

/**
 * Proxy step: shows "This link no longer works" in place of an emailed link whose token
 * is garbled (a mail client broke its escapes, say), forged or expired, before any page
 * or route decodes it; else null. The page checks again, whether the link was used included.
 */
export async function rewriteDeadLink(request: NextRequest, forwarded: Headers): Promise<NextResponse | null> {
  const kind = linkKind(request.nextUrl.pathname);
  if (!kind) return null;
  const token = safeDecodeURIComponent(request.nextUrl.pathname.slice(kind.prefix.length)) ?? '';
  for (const purpose of kind.purposes) if ((await verifyToken(token, purpose)).ok) return null;
  return NextResponse.rewrite(urlHere(kind.invalidPath, request), { request: { headers: forwarded } });
}
