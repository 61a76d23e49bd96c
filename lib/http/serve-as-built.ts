import 'server-only';
import type { IncomingMessage, ServerResponse } from 'node:http';
// The parser NextRequest.cookies uses, so this way in reads cookies as the proxy's does.
import { parseCookie } from 'next/dist/compiled/@edge-runtime/cookies';
import { asBuiltFor, isPrerendered } from './prerendered-pages';

// What Next.js says about its own answers for a page, and what chose this one.
const VARY = 'rsc, next-router-state-tree, next-router-prefetch, next-router-segment-prefetch, Accept-Encoding, Cookie, Accept-Language';

/** Whether the client takes gzip: named, and not with `q=0`. */
function acceptsGzip(acceptEncoding: string | undefined): boolean {
  return (acceptEncoding ?? '').split(',').some((part) => {
    const [coding = '', ...params] = part.trim().split(';');
    return coding.trim().toLowerCase() === 'gzip' && !params.some((param) => /^\s*q=0(\.0*)?\s*$/.test(param));
  });
}

/**
 * Answers a plain visit to a page the build rendered with the page itself, as Next.js would
 * (same bytes, same headers, gzip), without Next.js: true if answered. Which visits qualify
 * is decided by prerendered-pages.ts for this way in and the proxy's alike. A request with a
 * query (the URL is then no prerendered path), or the client router's (RSC), is left to Next.js.
 */
export function answerAsBuilt(request: IncomingMessage, response: ServerResponse): boolean {
  const url = request.url ?? '';
  if (!isPrerendered(url) || request.headers.rsc !== undefined) return false;
  const page = asBuiltFor({
    method: request.method ?? '',
    pathname: url,
    queryKeys: [],
    cookies: parseCookie(request.headers.cookie ?? ''),
    acceptLanguage: request.headers['accept-language'] ?? null,
  });
  if (!page) return false;
  const gzip = acceptsGzip(request.headers['accept-encoding']);
  const body = gzip ? page.gzipped : page.html;
  response.writeHead(200, {
    ...page.headers,
    'Content-Type': 'text/html; charset=utf-8',
    Vary: VARY,
    ...(gzip ? { 'Content-Encoding': 'gzip' } : {}),
    'Content-Length': body.length,
  });
  response.end(request.method === 'HEAD' ? undefined : body);
  return true;
}
