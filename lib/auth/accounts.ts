import 'server-only';
import { createUser, findUserByUsername, type CreateUserResult } from '@/lib/db/users';
import type { User } from '@/lib/db/schema';
import { hashPassword, verifyAgainstDummy, verifyPassword } from '@/lib/passwords';

export async function registerUser(input: { username: string; email: string; password: string }): Promise<CreateUserResult> {
  return createUser({ username: input.username, email: input.email, passwordHash: await hashPassword(input.password) });
}

/** The user whose username and password these are, or null; as slow for an unknown name as for a wrong password. */
export async function authenticate(username: string, password: string): Promise<User | null> {
  const user = findUserByUsername(username);
  if (!user) return verifyAgainstDummy(password).then(() => null);
  return (await verifyPassword(password, user.passwordHash)) ? user : null;
}
