import 'server-only';
import { Server, type IncomingMessage } from 'node:http';
import { PEER_ADDRESS_HEADER } from '@/lib/client-ip';

let stamped = false;

/**
 * Writes each request's TCP peer address into a header before Next.js sees the request:
 * Next.js gives pages and actions the headers but not the socket, and rate limits
 * need an address the client cannot choose.
 */
export function stampPeerAddresses(): void {
  if (stamped) return;
  stamped = true;
  const emit = Server.prototype.emit;
  Server.prototype.emit = function emitWithPeerAddress(this: Server, event: string | symbol, ...args: unknown[]): boolean {
    if (event === 'request') {
      const request = args[0] as IncomingMessage;
      request.headers[PEER_ADDRESS_HEADER] = request.socket.remoteAddress ?? 'unknown';
    }
    return Reflect.apply(emit, this, [event, ...args]) as boolean;
  } as typeof emit;
}
