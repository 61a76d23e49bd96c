import 'server-only';
import { and, eq, sql, type AnyColumn, type SQLWrapper } from 'drizzle-orm';
import type { Locale } from '@/i18n/locales';
import { getDb, type Database } from './client';
import { violatedUniqueIndex } from './dialect';
import { prepared, UNNAMED } from './prepared';
import type { NewUser, User } from './schema';

export async function findUserById(id: number): Promise<User | undefined> {
  const { db, users } = await getDb();
  const [user] = await db.select().from(users).where(eq(users.id, id));
  return user;
}

// lower() on both sides is the very expression the unique indexes hold, so lookups use them.
const equalIgnoringCase = (column: AnyColumn, value: string | SQLWrapper) => sql`lower(${column}) = lower(${value})`;

// Prepared: every sign-in and every reset request looks one up.
const byUsername = ({ db, users }: Database) => db.select().from(users).where(equalIgnoringCase(users.username, sql.placeholder('username'))).prepare(UNNAMED);
const byEmail = ({ db, users }: Database) => db.select().from(users).where(equalIgnoringCase(users.email, sql.placeholder('email'))).prepare(UNNAMED);

export async function findUserByUsername(username: string): Promise<User | undefined> {
  const [user] = await prepared(await getDb(), 'user_by_username', byUsername).execute({ username });
  return user;
}

export async function findUserByEmail(email: string): Promise<User | undefined> {
  const [user] = await prepared(await getDb(), 'user_by_email', byEmail).execute({ email });
  return user;
}

export type CreateUserResult = { ok: true; user: User } | { ok: false; taken: 'username' | 'email' };

/** Inserts a user; the unique indexes, not a prior lookup, decide a race between two sign-ups. */
export async function createUser(input: Pick<NewUser, 'username' | 'email' | 'passwordHash' | 'locale'>): Promise<CreateUserResult> {
  const { db, users } = await getDb();
  try {
    const [user] = await db.insert(users).values(input).returning();
    if (!user) throw new Error('the insert returned no row');
    return { ok: true, user };
  } catch (error) {
    const index = violatedUniqueIndex(error);
    if (index === undefined) throw error;
    return { ok: false, taken: index === 'users_email_unique' ? 'email' : 'username' };
  }
}

/**
 * Sets a new password only if the stored hash is still `expectedHash`: of two
 * submits of one reset link, exactly one changes a row.
 */
export async function replacePasswordHash(userId: number, expectedHash: string, newHash: string): Promise<boolean> {
  const { db, users } = await getDb();
  const changed = await db
    .update(users)
    .set({ passwordHash: newHash })
    .where(and(eq(users.id, userId), eq(users.passwordHash, expectedHash)))
    .returning({ id: users.id });
  return changed.length === 1;
}

/** Marks the address confirmed, if it is still the account's address; true when it is (again). */
export async function confirmEmailAddress(userId: number, email: string, at: Date): Promise<boolean> {
  const { db, users } = await getDb();
  const confirmed = await db
    .update(users)
    // The column's own encoding for the moment: a number on SQLite, a timestamp on Postgres.
    .set({ emailConfirmedAt: sql`coalesce(${users.emailConfirmedAt}, ${sql.param(at, users.emailConfirmedAt)})` })
    .where(and(eq(users.id, userId), equalIgnoringCase(users.email, email)))
    .returning({ id: users.id });
  return confirmed.length > 0;
}

export type ChangeEmailResult = { ok: true } | { ok: false; reason: 'taken' | 'moved-on' };

/**
 * Moves the account from `fromEmail` to a confirmed `toEmail` in one statement: if the
 * account's address is no longer `fromEmail`, nothing changes ('moved-on'); if another
 * account holds `toEmail`, the unique index refuses it ('taken').
 */
export async function changeEmailAddress(userId: number, fromEmail: string, toEmail: string, at: Date): Promise<ChangeEmailResult> {
  const { db, users } = await getDb();
  try {
    const moved = await db
      .update(users)
      .set({ email: toEmail, emailConfirmedAt: at })
      .where(and(eq(users.id, userId), equalIgnoringCase(users.email, fromEmail)))
      .returning({ id: users.id });
    return moved.length > 0 ? { ok: true } : { ok: false, reason: 'moved-on' };
  } catch (error) {
    if (violatedUniqueIndex(error) === 'users_email_unique') return { ok: false, reason: 'taken' };
    throw error;
  }
}

export type UpdateProfileResult = { ok: true; user: User } | { ok: false; taken: 'username' };

export async function updateProfile(userId: number, changes: { username: string; aboutMe: string }): Promise<UpdateProfileResult> {
  const { db, users } = await getDb();
  try {
    const [user] = await db.update(users).set(changes).where(eq(users.id, userId)).returning();
    if (!user) throw new Error(`no user ${userId}`);
    return { ok: true, user };
  } catch (error) {
    if (violatedUniqueIndex(error) === 'users_username_unique') return { ok: false, taken: 'username' };
    throw error;
  }
}

export async function setUserLocale(userId: number, locale: Locale): Promise<void> {
  const { db, users } = await getDb();
  await db.update(users).set({ locale }).where(eq(users.id, userId));
}

export async function recordLastSeen(userId: number, at: Date): Promise<void> {
  const { db, users } = await getDb();
  await db.update(users).set({ lastSeen: at }).where(eq(users.id, userId));
}
