import { NextResponse } from 'next/server';
import { carriesToken } from './link-gate';
import { safeDecodeURIComponent } from './safe-decode';

// What our pages, forms and Auth.js's routes use. Anything else (TRACE, PUT, ...) never reaches Next.js,
// which answers some of them with a 500.
export const ALLOWED_METHODS = new Set(['GET', 'HEAD', 'POST', 'OPTIONS']);

/**
 * Proxy step (and, for methods Next.js cannot even represent, the front door's check): the answer to a request no route of ours can serve — a method we do not
 * use (405), or a path whose percent-escapes do not decode (`/user/%FF`, 400), which
 * Next.js's router would otherwise fail on with a 500 — else null.
 */
export function refuseOddRequest(request: { method: string; url: string }): NextResponse | null {
  if (!ALLOWED_METHODS.has(request.method)) {
    return new NextResponse('Method not allowed.', { status: 405, headers: { Allow: [...ALLOWED_METHODS].join(', ') } });
  }
  const { pathname } = new URL(request.url);
  // A mangled emailed link gets the page that explains dead links instead (see link-gate.ts).
  if (!carriesToken(pathname) && safeDecodeURIComponent(pathname) === null) return new NextResponse('Bad request.', { status: 400 });
  return null;
}
