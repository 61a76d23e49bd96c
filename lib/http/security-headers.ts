import type { NextResponse } from 'next/server';

/**
 * The Content-Security-Policy of every page, but for where its scripts may come from:
 * a rendered page's carry its nonce, a prerendered page's are listed by hash.
 */
function contentSecurityPolicy(scriptSources: string, development: boolean): string {
  return [
    "default-src 'self'",
    // React in development rebuilds call stacks with eval; production never needs it.
    `script-src 'self' ${scriptSources}${development ? " 'unsafe-eval'" : ''}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self'",
    `connect-src 'self'${development ? ' ws:' : ''}`,
    "frame-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/** Headers every response carries, whatever it is. */
export const COMMON_SECURITY_HEADERS: Record<string, string> = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'strict-origin-when-cross-origin',
  'X-Frame-Options': 'DENY',
};

/** An emailed link's token is in its path: keep it out of every Referer header and every cache. */
const TOKEN_PAGE_HEADERS: Record<string, string> = {
  'Referrer-Policy': 'no-referrer',
  'Cache-Control': 'no-store',
};

/** Proxy step: the headers every response carries, refusals and redirects included. */
export function withSecurityHeaders(response: NextResponse): NextResponse {
  for (const [name, value] of Object.entries(COMMON_SECURITY_HEADERS)) response.headers.set(name, value);
  return response;
}

/**
 * Proxy step: gives the page a fresh nonce. Next.js reads it from the request's policy
 * and puts it on the scripts it renders; the browser enforces the response's copy.
 * Returns what to put on the page's response.
 */
export function nonceThePage(forwarded: Headers, development: boolean, { tokenInPath }: { tokenInPath: boolean }) {
  // Scripts run only with this response's nonce (Next.js puts it on its own), or when loaded by one that has it.
  const policy = contentSecurityPolicy(`'nonce-${btoa(crypto.randomUUID())}' 'strict-dynamic'`, development);
  forwarded.set('content-security-policy', policy);
  return (response: NextResponse): NextResponse => {
    withSecurityHeaders(response);
    response.headers.set('Content-Security-Policy', policy);
    if (tokenInPath) for (const [name, value] of Object.entries(TOKEN_PAGE_HEADERS)) response.headers.set(name, value);
    return response;
  };
}

/**
 * The headers of a page the build rendered: no nonce can be on it, so its inline scripts
 * are allowed by their hashes and its others by coming from this site.
 */
export function prerenderedPageHeaders(inlineScriptHashes: string[]): Record<string, string> {
  return {
    ...COMMON_SECURITY_HEADERS,
    'Content-Security-Policy': contentSecurityPolicy(inlineScriptHashes.map((hash) => `'sha256-${hash}'`).join(' '), false),
  };
}
