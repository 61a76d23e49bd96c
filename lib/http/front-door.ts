import 'server-only';
import { Server, type IncomingMessage, type ServerResponse } from 'node:http';
import { stampPeerAddress } from './client-address';
import { ALLOWED_METHODS } from './refuse-odd-requests';
import { COMMON_SECURITY_HEADERS } from './security-headers';

// Per process, not per bundle: patching twice would wrap the emitter twice.
const globalForDoor = globalThis as unknown as { microblogFrontDoor?: boolean };

/**
 * What a long-running server does with each request before Next.js has it: stamps the
 * peer address, and refuses methods we never use. Next.js builds a WHATWG Request for
 * the proxy, which cannot carry TRACE or CONNECT and throws, answering 500 before any
 * check of ours runs. On Vercel, whose edge answers those itself, there is no such door.
 */
export function guardFrontDoor(): void {
  if (globalForDoor.microblogFrontDoor) return;
  globalForDoor.microblogFrontDoor = true;
  const emit = Server.prototype.emit;
  Server.prototype.emit = function emitBehindTheDoor(this: Server, event: string | symbol, ...args: unknown[]): boolean {
    if (event === 'request') {
      const [request, response] = args as [IncomingMessage, ServerResponse];
      stampPeerAddress(request);
      if (!ALLOWED_METHODS.has(request.method ?? '')) {
        response.writeHead(405, { ...COMMON_SECURITY_HEADERS, Allow: [...ALLOWED_METHODS].join(', '), 'Content-Type': 'text/plain' });
        response.end('Method not allowed.');
        return true;
      }
    }
    return Reflect.apply(emit, this, [event, ...args]) as boolean;
  } as typeof emit;
}
