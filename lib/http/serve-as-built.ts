import 'server-only';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { asBuiltFor } from './prerendered-pages';

// What Next.js says about its own answers for a page, so caches keep them apart alike.
const VARY = 'rsc, next-router-state-tree, next-router-prefetch, next-router-segment-prefetch, Accept-Encoding';

function cookiesOf(header: string | undefined): Map<string, string> {
  const cookies = new Map<string, string>();
  for (const pair of (header ?? '').split(';')) {
    const equals = pair.indexOf('=');
    if (equals > 0) cookies.set(pair.slice(0, equals).trim(), pair.slice(equals + 1).trim());
  }
  return cookies;
}

/**
 * Answers a plain visit to a page the build rendered with the page itself, as Next.js would
 * (same bytes, same headers, gzip, 304 on a matching ETag), without Next.js: true if answered.
 * Which visits qualify is decided by prerendered-pages.ts for this way in and the proxy's alike.
 * A request with a query, or the client router's (RSC), is left to Next.js.
 */
export function answerAsBuilt(request: IncomingMessage, response: ServerResponse): boolean {
  const url = request.url ?? '';
  if (url.includes('?') || request.headers.rsc !== undefined) return false;
  const page = asBuiltFor({
    method: request.method ?? '',
    pathname: url,
    queryKeys: [],
    cookies: cookiesOf(request.headers.cookie),
    acceptLanguage: request.headers['accept-language'] ?? null,
  });
  if (!page) return false;
  const headers: Record<string, string | number> = { ...page.headers, 'Content-Type': 'text/html; charset=utf-8', ETag: page.etag, Vary: VARY };
  if (request.headers['if-none-match'] === page.etag) {
    response.writeHead(304, headers).end();
    return true;
  }
  const gzip = /\bgzip\b/.test(request.headers['accept-encoding'] ?? '');
  const body = gzip ? page.gzipped : page.html;
  response.writeHead(200, { ...headers, ...(gzip ? { 'Content-Encoding': 'gzip' } : {}), 'Content-Length': body.length });
  response.end(request.method === 'HEAD' ? undefined : body);
  return true;
}
