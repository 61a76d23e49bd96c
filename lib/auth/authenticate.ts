import 'server-only';
import { maySignIn, noteSignedIn } from '@/lib/auth/throttling';
import { verifyAgainstDummy, verifyPassword } from '@/lib/auth/passwords';
import { findUserByUsername } from '@/lib/db/users';
import type { User } from '@/lib/db/schema';

export type Authentication = { ok: true; user: User } | { ok: false; reason: 'invalid' | 'throttled' };

/**
 * Checks a username and password, unless the account or the client address must wait
 * after too many tries. Every way in to signing in comes through here, so no route
 * skips the throttle. An unknown name costs as much as a wrong password. `deviceId`
 * comes from the browser's device cookie for this account (see device-cookie.ts).
 */
export async function authenticate(username: string, password: string, ip: string, deviceId: string | null = null): Promise<Authentication> {
  if (!(await maySignIn(username, ip, deviceId))) return { ok: false, reason: 'throttled' };
  const user = await findUserByUsername(username);
  const matches = user ? await verifyPassword(password, user.passwordHash) : await verifyAgainstDummy(password).then(() => false);
  if (!user || !matches) return { ok: false, reason: 'invalid' };
  await noteSignedIn(username, ip, deviceId);
  return { ok: true, user };
}
