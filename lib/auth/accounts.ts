import 'server-only';
import { maySignIn, noteSignedIn } from '@/lib/auth/throttling';
import { passwordProblem } from '@/lib/auth/password-policy';
import { hashPassword, verifyAgainstDummy, verifyPassword } from '@/lib/auth/passwords';
import { createUser, findUserByUsername } from '@/lib/db/users';
import type { User } from '@/lib/db/schema';
import type { PasswordProblem } from '@/lib/validation/fields';

export type Registration =
  | { ok: true; user: User }
  | { ok: false; reason: 'weak-password'; problem: PasswordProblem }
  | { ok: false; reason: 'taken'; field: 'username' | 'email' };

/** Creates an account if its password passes the policy and its name and address are free. */
export async function registerUser(input: { username: string; email: string; password: string }): Promise<Registration> {
  const problem = passwordProblem(input.password, input.username);
  if (problem) return { ok: false, reason: 'weak-password', problem };
  const result = createUser({ username: input.username, email: input.email, passwordHash: await hashPassword(input.password) });
  return result.ok ? result : { ok: false, reason: 'taken', field: result.taken };
}

export type Authentication = { ok: true; user: User } | { ok: false; reason: 'invalid' | 'throttled' };

/**
 * Checks a username and password, unless the account or the client address must wait
 * after too many tries. Every way in to signing in comes through here, so no route
 * skips the throttle. An unknown name costs as much as a wrong password.
 */
export async function authenticate(username: string, password: string, ip: string): Promise<Authentication> {
  if (!maySignIn(username, ip)) return { ok: false, reason: 'throttled' };
  const user = findUserByUsername(username);
  const matches = user ? await verifyPassword(password, user.passwordHash) : await verifyAgainstDummy(password).then(() => false);
  if (!user || !matches) return { ok: false, reason: 'invalid' };
  noteSignedIn(username, ip);
  return { ok: true, user };
}
