import { NextResponse, type NextRequest } from 'next/server';
import { getConfig } from '@/lib/config';
import { handOnFlash } from '@/lib/flash/hand-on';
import { refuseBadWrite } from '@/lib/http/refuse-bad-writes';
import { refuseOddRequest } from '@/lib/http/refuse-odd-requests';
import { requireSessionCookie } from '@/lib/http/require-session';
import { carriesToken, rewriteDeadLink } from '@/lib/http/link-gate';
import { renderedTwin, servePrerendered } from '@/lib/http/prerendered-pages';
import { forwardedHeaders } from '@/lib/http/same-origin';
import { nonceThePage, withSecurityHeaders } from '@/lib/http/security-headers';

/**
 * Cheap checks only, in order; pages and actions still verify for themselves.
 * Each step is a function in lib/http or lib/flash.
 */
export async function proxy(request: NextRequest) {
  const config = getConfig();
  const refusal = refuseOddRequest(request) ?? (await refuseBadWrite(request, new URL(config.appUrl).origin));
  if (refusal) return withSecurityHeaders(refusal);
  const forwarded = forwardedHeaders(request);
  if (request.nextUrl.pathname.startsWith('/api/')) return withSecurityHeaders(NextResponse.next({ request: { headers: forwarded } }));
  const signIn = requireSessionCookie(request);
  if (signIn) return withSecurityHeaders(signIn);
  const asBuilt = servePrerendered(request, forwarded);
  if (asBuilt) return asBuilt;
  const secure = nonceThePage(forwarded, !config.production, { tokenInPath: carriesToken(request.nextUrl.pathname) });
  const deleteShownFlash = handOnFlash(request, forwarded);
  const twin = renderedTwin(request);
  const response =
    (twin ? NextResponse.rewrite(twin, { request: { headers: forwarded } }) : await rewriteDeadLink(request, forwarded)) ??
    NextResponse.next({ request: { headers: forwarded } });
  return deleteShownFlash(secure(response));
}

export const config = {
  // Exact asset paths only: a prefix such as `_next/static` would also let `/_next/staticX` skip every check.
  matcher: ['/((?!_next/static/|_next/image$|favicon\\.ico$).*)'],
};
