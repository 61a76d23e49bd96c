import 'server-only';
import { Server, type IncomingMessage, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { stampPeerAddress } from './client-address';
import { handOffConnection } from './connection-helpers';
import { checkWriteAtTheDoor, DOOR_CHECKED_HEADER, doorTakesWrite } from './door-writes';
import { ALLOWED_METHODS } from './refuse-odd-requests';
import { COMMON_SECURITY_HEADERS } from './security-headers';
import { answerAsBuilt } from './serve-as-built';
import { createTurnQueue } from './turn-queue';

// Two at a time keep a turn short; one left the forgot post 25% slower (measured: bench/README.md).
const BEGUN_PER_TURN = 2;

// Per process, not per bundle: patching twice would wrap the emitter twice, and two
// counts of requests in flight would each let the full number through.
type Door = { inFlight: number; counted: WeakSet<ServerResponse>; served: WeakSet<Socket>; queue: ReturnType<typeof createTurnQueue> };
const globalForDoor = globalThis as unknown as { microblogFrontDoor?: Door };

const busy = (response: ServerResponse) => refuse(response, 503, 'Busy. Please try again in a moment.', { 'Retry-After': '1' });

function refuse(response: ServerResponse, status: number, body: string, headers: Record<string, string>): true {
  response.writeHead(status, { ...COMMON_SECURITY_HEADERS, 'Content-Type': 'text/plain', ...headers });
  response.end(body);
  return true;
}

/**
 * What a long-running server does with each connection and request before Next.js has it:
 * - hands a share of the connections to its helpers (connection-helpers.ts), if it has any;
 * - stamps the peer address (see client-address.ts);
 * - refuses methods we never use: Next.js builds a WHATWG Request for the proxy, which
 *   cannot carry TRACE or CONNECT and throws, answering 500 before any check of ours runs;
 * - answers a plain visit to a page the build rendered with the page (serve-as-built.ts):
 *   the same answer the proxy would let Next.js give, for a fraction of the work;
 * - runs the proxy's steps for a form post itself (door-writes.ts), so that Next.js need not;
 * - lets requests begin a few per turn of the event loop, in order (turn-queue.ts), and
 *   answers 503 with Retry-After to one that waited `maxQueueWaitMs`, or at once past
 *   `maxInFlight` requests waiting or in progress: under overload every answer comes
 *   within a bounded time, most of them the page.
 * The build's own files skip the line: they are read from disk, not rendered.
 * On Vercel, whose edge does the first two and the fourth, and serves built pages
 * itself after the proxy picked them, there is no such door.
 */
export function guardFrontDoor({ maxInFlight, maxQueueWaitMs }: { maxInFlight: number; maxQueueWaitMs: number }): void {
  if (globalForDoor.microblogFrontDoor) return;
  const door: Door = (globalForDoor.microblogFrontDoor = {
    inFlight: 0,
    counted: new WeakSet<ServerResponse>(),
    served: new WeakSet<Socket>(),
    queue: createTurnQueue({ perTurn: BEGUN_PER_TURN, maxWaitMs: maxQueueWaitMs }),
  });
  const emit = Server.prototype.emit;
  Server.prototype.emit = function emitBehindTheDoor(this: Server, event: string | symbol, ...args: unknown[]): boolean {
    if (event === 'connection' && handOffConnection(args[0] as Socket)) return true;
    if (event !== 'request') return Reflect.apply(emit, this, [event, ...args]) as boolean;
    const [request, response] = args as [IncomingMessage, ServerResponse];
    // A response already counted is one this door let in (or a post it checked, handed on):
    // it has been through every step here once.
    if (door.counted.has(response)) return Reflect.apply(emit, this, [event, ...args]) as boolean;
    stampPeerAddress(request);
    // Only this door may say it checked a request; no client can send the mark it uses,
    // unless the server was started with --insecure-http-parser.
    delete request.headers[DOOR_CHECKED_HEADER];
    if (!ALLOWED_METHODS.has(request.method ?? '')) return refuse(response, 405, 'Method not allowed.', { Allow: [...ALLOWED_METHODS].join(', ') });
    if (answerAsBuilt(request, response)) return true;
    if (door.inFlight >= maxInFlight) return busy(response);
    door.counted.add(response);
    // Next.js adds a 'close' listener for each after() task and stream of a response, so a
    // page with several passes Node's leak warning threshold (10) without leaking anything.
    response.setMaxListeners(32);
    door.inFlight += 1;
    response.once('close', () => {
      door.inFlight -= 1;
    });
    const handOn = (checked: IncomingMessage) => Reflect.apply(emit, this, [event, checked, response]) as boolean;
    const begin = () => {
      if (!doorTakesWrite(request)) return handOn(request);
      // Next.js failing to take the request is the one way this can throw: close rather than leave it waiting.
      checkWriteAtTheDoor(request, response, handOn).catch((error: unknown) => response.destroy(error instanceof Error ? error : undefined));
    };
    if (request.url?.startsWith('/_next/static/')) {
      begin();
      return true;
    }
    const first = !door.served.has(request.socket);
    door.served.add(request.socket);
    door.queue.admit({ first, begin, refuse: () => busy(response), abandoned: () => request.socket.destroyed });
    return true;
  } as typeof emit;
}
