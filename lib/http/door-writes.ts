import 'server-only';
import { IncomingMessage, type ServerResponse } from 'node:http';
import { NextRequest, type NextResponse } from 'next/server';
// Next.js's own: how it turns the proxy's answer into Node headers, and which it never passes on.
import { ipcForbiddenHeaders } from 'next/dist/server/lib/server-ipc/utils';
import { toNodeOutgoingHttpHeaders } from 'next/dist/server/web/utils';
import { VERCEL_CLIENT_HEADER } from './client-address';
import { MAX_FORM_BODY_BYTES } from './malformed-write';
import { isPrerendered } from './prerendered-pages';
import { runProxySteps } from './proxy-steps';

/** Said by the front door on a post it ran the proxy's steps for; proxy.ts's matcher skips those. */
export const DOOR_CHECKED_HEADER = 'x-microblog-door-checked';
/**
 * The header's value, which no client can send: Node's HTTP parser (and any edge in front)
 * refuses a control character in a header with 400, while code may put one in a request's
 * headers, and fetch's Headers carry it. So a request that was never through the door (one
 * that came in while the server was starting, or on Vercel) cannot claim it was.
 * proxy.ts's matcher names it as the regular expression `checked\x01`.
 */
export const DOOR_CHECKED_MARK = 'checked\u0001';

// Headers of the proxy's answer that steer Next.js's router, and those Next.js never passes on.
const NOT_PASSED_ON = new Set([
  'content-length',
  'x-middleware-next',
  'x-middleware-rewrite',
  'x-middleware-redirect',
  'x-middleware-refresh',
  'x-middleware-override-headers',
  ...ipcForbiddenHeaders,
]);

/**
 * Whether the front door runs the proxy's steps for this request itself: a post of a size
 * our forms can have, which is where Next.js's way of running the proxy costs most (it
 * clones the body and streams it through again), about a third of the post. Anything else
 * is left to Next.js's proxy, as is a request that came through Vercel's edge (which sets
 * VERCEL_CLIENT_HEADER on every request, and proxy.ts's matcher runs the steps for those).
 */
export function doorTakesWrite(request: IncomingMessage): boolean {
  // An absolute URL in the request line is left to Next.js, which resolves it its own way; a
  // post to a prerendered page, to the proxy, which sends it to the rendered twin (a rewrite
  // the door would only hand on, after running every step for nothing).
  if (request.method !== 'POST' || !request.url?.startsWith('/') || request.headers[VERCEL_CLIENT_HEADER] !== undefined) return false;
  if (isPrerendered(request.url.split('?')[0] ?? '')) return false;
  const length = Number(request.headers['content-length']);
  return Number.isInteger(length) && length >= 0 && length <= MAX_FORM_BODY_BYTES;
}

function readBody(request: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.once('end', () => resolve(Buffer.concat(chunks)));
    request.once('error', reject);
    // Every request closes, most after their body ended: an error built for those would go nowhere.
    request.once('close', () => {
      if (!request.readableEnded) reject(new Error('the client left before its body arrived'));
    });
  });
}

/** The request again, body and all, for Next.js to read as if it came off the socket. */
function replayOf(request: IncomingMessage, body: Buffer): IncomingMessage {
  const replay = new IncomingMessage(request.socket);
  Object.assign(replay, {
    method: request.method,
    url: request.url,
    headers: { ...request.headers },
    rawHeaders: request.rawHeaders,
    httpVersion: request.httpVersion,
    httpVersionMajor: request.httpVersionMajor,
    httpVersionMinor: request.httpVersionMinor,
    complete: true,
  });
  replay.push(body);
  replay.push(null);
  return replay;
}

function nextRequestOf(request: IncomingMessage, body: Buffer): NextRequest {
  const headers = new Headers();
  for (const [name, value] of Object.entries(request.headers)) {
    for (const one of Array.isArray(value) ? value : value === undefined ? [] : [value]) headers.append(name, one);
  }
  // As Next.js builds the proxy's URL (attachRequestMeta): the path as sent, on a host of its
  // own, never the client's Host, and https only if the proxy in front says so.
  const protocol = String(request.headers['x-forwarded-proto'] ?? '').includes('https') ? 'https' : 'http';
  return new NextRequest(`${protocol}://localhost${request.url ?? '/'}`, { method: 'POST', headers, body: new Uint8Array(body) });
}

/**
 * Whether the answer only lets the request through, with headers: not a refusal, redirect
 * or rewrite, and no cookie for the page to read (Next.js would hand that on in a header
 * it keeps from requests it did not run the proxy for).
 */
function passesThrough(answer: NextResponse): boolean {
  const headers = answer.headers;
  return headers.get('x-middleware-next') === '1' && !headers.has('x-middleware-rewrite') && !headers.has('x-middleware-set-cookie');
}

/**
 * What Next.js does with a proxy answer that lets the request through
 * (resolve-routes.js): the request's headers become the ones the proxy passed on, and
 * its other headers go on the response, and on the request as well.
 */
function applyPassThrough(answer: NextResponse, request: IncomingMessage, response: ServerResponse): void {
  const headers = toNodeOutgoingHttpHeaders(answer.headers);
  const overridden = String(headers['x-middleware-override-headers'] ?? '')
    .split(',')
    .map((name) => name.trim())
    .filter(Boolean);
  if (overridden.length > 0) {
    const kept = new Set(overridden);
    for (const name of Object.keys(request.headers)) if (!kept.has(name)) delete request.headers[name];
    for (const name of kept) {
      const value = headers[`x-middleware-request-${name}`];
      request.headers[name] = value === null ? undefined : (value as string | string[] | undefined);
    }
  }
  for (const [name, value] of Object.entries(headers)) {
    if (NOT_PASSED_ON.has(name) || name.startsWith('x-middleware-request-') || !value) continue;
    request.headers[name] = value as string | string[];
    response.setHeader(name, value);
  }
}

/**
 * Runs the proxy's steps (proxy-steps.ts, the same function proxy.ts runs) for a post the
 * door takes, then hands the request on to Next.js: marked as checked when the steps let
 * it through, so the proxy does not run again; unmarked when they answer it themselves (a
 * refusal, a redirect, a rewrite), so Next.js's proxy gives that answer as it always does.
 */
export async function checkWriteAtTheDoor(request: IncomingMessage, response: ServerResponse, handOn: (request: IncomingMessage) => void): Promise<void> {
  let body: Buffer;
  try {
    body = await readBody(request);
  } catch {
    return;
  }
  const replay = replayOf(request, body);
  try {
    const answer = await runProxySteps(nextRequestOf(request, body));
    if (passesThrough(answer)) {
      applyPassThrough(answer, replay, response);
      // Not enumerable: the matcher reads the mark by name, while Next.js copies a request's
      // headers by listing them, as into the fetch that renders an action's redirect, whose
      // client refuses the mark's control character.
      Object.defineProperty(replay.headers, DOOR_CHECKED_HEADER, { value: DOOR_CHECKED_MARK, enumerable: false, configurable: true });
    }
  } catch {
    // Whatever the steps could not make sense of, Next.js's proxy will see for itself.
  }
  handOn(replay);
}
