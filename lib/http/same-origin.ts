type RequestLike = { method: string; headers: Headers };

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** The host the request was addressed to, as Next.js's own server-action check reads it. */
function addressedHost(headers: Headers): string | null {
  return headers.get('x-forwarded-host')?.split(',')[0]?.trim() || headers.get('host');
}

/**
 * Whether a browser sent this request from another site. Browsers name the page a
 * form was posted from in Origin; under `Referrer-Policy: no-referrer` they send
 * `Origin: null` instead, and then Sec-Fetch-Site (which pages cannot set) tells.
 * A request with no Origin at all did not come from a browser page, so it carries
 * no one else's cookies and is nobody's forgery.
 */
export function isCrossSiteWrite(request: RequestLike, appOrigin: string): boolean {
  if (SAFE_METHODS.has(request.method)) return false;
  const origin = request.headers.get('origin');
  if (origin === null) return false;
  if (origin === 'null') return request.headers.get('sec-fetch-site') !== 'same-origin';
  if (origin === appOrigin) return false;
  try {
    return new URL(origin).host !== addressedHost(request.headers);
  } catch {
    return true;
  }
}

/**
 * Proxy step: the headers to pass on to Next.js. A same-origin post from a no-referrer
 * page (checked by isCrossSiteWrite) says `Origin: null`; name the origin instead,
 * which Next.js's server-action check needs and cannot read from "null".
 */
export function forwardedHeaders(request: Request): Headers {
  const forwarded = new Headers(request.headers);
  if (request.headers.get('origin') === 'null') {
    forwarded.set('origin', `${new URL(request.url).protocol}//${addressedHost(request.headers)}`);
  }
  return forwarded;
}

/**
 * `path` on the origin the request came to, for a rewrite or redirect in the proxy: from
 * request.url, not nextUrl, which names 127.0.0.1 "localhost". Next.js sends a rewrite to
 * any other origin out over HTTP as another site's, back through the server and the proxy.
 */
export function urlHere(path: string, request: Request): URL {
  return new URL(path, request.url);
}
