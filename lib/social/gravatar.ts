import 'server-only';
import { createHash } from 'node:crypto';

/** Gravatar's key: the MD5 of the trimmed, lower-cased address (MD5 is their choice, not a secret). */
export function gravatarHash(email: string): string {
  return createHash('md5').update(email.trim().toLowerCase()).digest('hex');
}
