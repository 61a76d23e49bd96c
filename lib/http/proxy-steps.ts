import { NextResponse, type NextRequest } from 'next/server';
import { getConfig } from '@/lib/config';
import { handOnFlash } from '@/lib/flash/hand-on';
import { refuseBadWrite } from './refuse-bad-writes';
import { refuseOddRequest } from './refuse-odd-requests';
import { requireSessionCookie } from './require-session';
import { carriesToken, rewriteDeadLink } from './link-gate';
import { renderedTwin, servePrerendered } from './prerendered-pages';
import { forwardedHeaders } from './same-origin';
import { nonceThePage, withSecurityHeaders } from './security-headers';

/**
 * The proxy's cheap checks, in order; pages and actions still verify for themselves. Run by
 * proxy.ts, and by the front door for a form post before Next.js sees it (door-writes.ts).
 * Each step is a function in lib/http or lib/flash.
 */
export async function runProxySteps(request: NextRequest): Promise<NextResponse> {
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
