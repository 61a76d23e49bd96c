/**
 * Where the server writes the TCP peer's address on every request, over whatever a
 * client sent under that name. Next.js itself only fills X-Forwarded-For when the
 * client did not, so that header alone cannot be believed.
 */
export const PEER_ADDRESS_HEADER = 'x-microblog-peer-address';

/**
 * The address a request came from. Behind a proxy (`TRUST_PROXY`) that is the last
 * X-Forwarded-For entry, the one the proxy itself appended; anything before it was
 * written by the client. Otherwise it is the TCP peer.
 */
export function clientIp(headers: Headers, trustProxy: boolean): string {
  if (trustProxy) {
    const appended = headers.get('x-forwarded-for')?.split(',').at(-1)?.trim();
    if (appended) return appended;
  }
  return headers.get(PEER_ADDRESS_HEADER) ?? 'unknown';
}
