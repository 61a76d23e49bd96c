import 'server-only';
import { createHash, timingSafeEqual } from 'node:crypto';

const digest = (value: string) => createHash('sha256').update(value).digest();

/**
 * Whether two secrets are equal, in a time that tells an attacker neither where they
 * first differ nor how long the expected one is: both sides are hashed to 32 bytes first.
 */
export function constantTimeEqual(given: string, expected: string): boolean {
  return timingSafeEqual(digest(given), digest(expected));
}
