import 'server-only';
import type { IncomingMessage } from 'node:http';
import { headers } from 'next/headers';
import { getConfig, type ClientAddressSource } from '@/lib/config';

/**
 * Where the server writes the TCP peer's address on every request, over whatever a
 * client sent under that name. Next.js itself only fills X-Forwarded-For when the
 * client did not, so that header alone cannot be believed.
 */
export const PEER_ADDRESS_HEADER = 'x-microblog-peer-address';

/**
 * Vercel's edge writes the client's public address here on every request, replacing whatever
 * the client sent (Vercel's "Request headers" reference). Unlike X-Forwarded-For, which it
 * also overwrites, no proxy placed in front of Vercel can have rewritten it.
 */
export const VERCEL_CLIENT_HEADER = 'x-vercel-forwarded-for';

const lastEntry = (value: string | null) => value?.split(',').at(-1)?.trim() || undefined;

/**
 * The address a request came from, given its headers. On Vercel that is what its edge
 * wrote; behind a proxy (`TRUST_PROXY`) the last X-Forwarded-For entry, the one the proxy
 * itself appended, since anything before it was written by the client. Otherwise it is
 * the TCP peer.
 */
export function addressFromHeaders(requestHeaders: Headers, source: ClientAddressSource): string {
  const forwarded =
    source === 'vercel'
      ? lastEntry(requestHeaders.get(VERCEL_CLIENT_HEADER))
      : source === 'proxy'
        ? lastEntry(requestHeaders.get('x-forwarded-for'))
        : undefined;
  return forwarded ?? requestHeaders.get(PEER_ADDRESS_HEADER) ?? 'unknown';
}

/** The address of the client making the current request: the one way every action and Auth.js asks. */
export async function clientAddress(): Promise<string> {
  return addressFromHeaders(await headers(), getConfig().clientAddressSource);
}

/**
 * Writes the request's TCP peer address into a header before Next.js sees it (see
 * front-door.ts): Next.js gives pages and actions the headers but not the socket, and
 * rate limits need an address the client cannot choose.
 */
export function stampPeerAddress(request: IncomingMessage): void {
  request.headers[PEER_ADDRESS_HEADER] = request.socket.remoteAddress ?? 'unknown';
}
