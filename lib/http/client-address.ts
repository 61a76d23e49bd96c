import 'server-only';
import type { IncomingMessage } from 'node:http';
import { headers } from 'next/headers';
import { getConfig } from '@/lib/config';

/**
 * Where the server writes the TCP peer's address on every request, over whatever a
 * client sent under that name. Next.js itself only fills X-Forwarded-For when the
 * client did not, so that header alone cannot be believed.
 */
export const PEER_ADDRESS_HEADER = 'x-microblog-peer-address';

/**
 * The address a request came from, given its headers. Behind a proxy (`TRUST_PROXY`)
 * that is the last X-Forwarded-For entry, the one the proxy itself appended; anything
 * before it was written by the client. Otherwise it is the TCP peer.
 */
export function addressFromHeaders(requestHeaders: Headers, trustProxy: boolean): string {
  if (trustProxy) {
    const appended = requestHeaders.get('x-forwarded-for')?.split(',').at(-1)?.trim();
    if (appended) return appended;
  }
  return requestHeaders.get(PEER_ADDRESS_HEADER) ?? 'unknown';
}

/** The address of the client making the current request: the one way every action and Auth.js asks. */
export async function clientAddress(): Promise<string> {
  return addressFromHeaders(await headers(), getConfig().trustProxy);
}

/**
 * Writes the request's TCP peer address into a header before Next.js sees it (see
 * front-door.ts): Next.js gives pages and actions the headers but not the socket, and
 * rate limits need an address the client cannot choose.
 */
export function stampPeerAddress(request: IncomingMessage): void {
  request.headers[PEER_ADDRESS_HEADER] = request.socket.remoteAddress ?? 'unknown';
}
