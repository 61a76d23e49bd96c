import 'server-only';
import { and, eq, sql } from 'drizzle-orm';
import { getDb } from './client';
import { users, type NewUser, type User } from './schema';

export function findUserById(id: number): User | undefined {
  return getDb().select().from(users).where(eq(users.id, id)).get();
}

export function findUserByUsername(username: string): User | undefined {
  return getDb().select().from(users).where(sql`${users.username} = ${username} collate nocase`).get();
}

export function findUserByEmail(email: string): User | undefined {
  return getDb().select().from(users).where(sql`${users.email} = ${email} collate nocase`).get();
}

function isUniqueViolation(error: unknown): error is Error {
  return error instanceof Error && 'code' in error && error.code === 'SQLITE_CONSTRAINT_UNIQUE';
}

export type CreateUserResult = { ok: true; user: User } | { ok: false; taken: 'username' | 'email' };

/** Inserts a user; the unique indexes, not a prior lookup, decide a race between two sign-ups. */
export function createUser(input: Pick<NewUser, 'username' | 'email' | 'passwordHash'>): CreateUserResult {
  try {
    const user = getDb().insert(users).values(input).returning().get();
    return { ok: true, user };
  } catch (error) {
    if (isUniqueViolation(error)) return { ok: false, taken: error.message.includes('users.email') ? 'email' : 'username' };
    throw error;
  }
}

/**
 * Sets a new password only if the stored hash is still `expectedHash`: of two
 * submits of one reset link, exactly one changes a row.
 */
export function replacePasswordHash(userId: number, expectedHash: string, newHash: string): boolean {
  const result = getDb()
    .update(users)
    .set({ passwordHash: newHash })
    .where(and(eq(users.id, userId), eq(users.passwordHash, expectedHash)))
    .run();
  return result.changes === 1;
}

/** Marks the address confirmed, if it is still the account's address; true when it is (again). */
export function confirmEmailAddress(userId: number, email: string, at: Date): boolean {
  const row = getDb()
    .update(users)
    .set({ emailConfirmedAt: sql`coalesce(${users.emailConfirmedAt}, ${at.getTime()})` })
    .where(and(eq(users.id, userId), sql`${users.email} = ${email} collate nocase`))
    .returning({ id: users.id })
    .get();
  return row !== undefined;
}

export type ChangeEmailResult = { ok: true } | { ok: false; reason: 'taken' | 'moved-on' };

/**
 * Moves the account from `fromEmail` to a confirmed `toEmail` in one statement: if the
 * account's address is no longer `fromEmail`, nothing changes ('moved-on'); if another
 * account holds `toEmail`, the unique index refuses it ('taken').
 */
export function changeEmailAddress(userId: number, fromEmail: string, toEmail: string, at: Date): ChangeEmailResult {
  try {
    const row = getDb()
      .update(users)
      .set({ email: toEmail, emailConfirmedAt: at })
      .where(and(eq(users.id, userId), sql`${users.email} = ${fromEmail} collate nocase`))
      .returning({ id: users.id })
      .get();
    return row ? { ok: true } : { ok: false, reason: 'moved-on' };
  } catch (error) {
    if (isUniqueViolation(error)) return { ok: false, reason: 'taken' };
    throw error;
  }
}

export type UpdateProfileResult = { ok: true; user: User } | { ok: false; taken: 'username' };

export function updateProfile(userId: number, changes: { username: string; aboutMe: string }): UpdateProfileResult {
  try {
    const user = getDb().update(users).set(changes).where(eq(users.id, userId)).returning().get();
    if (!user) throw new Error(`no user ${userId}`);
    return { ok: true, user };
  } catch (error) {
    if (isUniqueViolation(error)) return { ok: false, taken: 'username' };
    throw error;
  }
}

export function recordLastSeen(userId: number, at: Date): void {
  getDb().update(users).set({ lastSeen: at }).where(eq(users.id, userId)).run();
}
