import 'server-only';
import { and, desc, eq, gt, inArray, lte, ne } from 'drizzle-orm';
import { getDb } from './client';
import type { NewSession, Session, User } from './schema';

export async function createSession(session: NewSession): Promise<void> {
  const { db, sessions } = await getDb();
  await db.insert(sessions).values(session);
}

/**
 * The session `id` of user `userId` and its user, if it has not ended or expired by
 * `now`: one lookup by primary key on each table, for every signed-in request.
 */
export async function findLiveSession(id: string, userId: number, now: Date): Promise<{ session: Session; user: User } | undefined> {
  const { db, sessions, users } = await getDb();
  const [row] = await db
    .select({ session: sessions, user: users })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.id, id), eq(sessions.userId, userId), gt(sessions.expiresAt, now)));
  return row;
}

export async function recordSessionSeen(id: string, lastSeenAt: Date, expiresAt: Date): Promise<void> {
  const { db, sessions } = await getDb();
  await db.update(sessions).set({ lastSeenAt, expiresAt }).where(eq(sessions.id, id));
}

/** The user's sessions that are still live, the most recently seen first. */
export async function listLiveSessions(userId: number, now: Date, limit: number): Promise<Session[]> {
  const { db, sessions } = await getDb();
  return db
    .select()
    .from(sessions)
    .where(and(eq(sessions.userId, userId), gt(sessions.expiresAt, now)))
    .orderBy(desc(sessions.lastSeenAt), desc(sessions.createdAt))
    .limit(limit);
}

export async function deleteSession(id: string): Promise<void> {
  const { db, sessions } = await getDb();
  await db.delete(sessions).where(eq(sessions.id, id));
}

/** Deletes every session of the user but `exceptId` (all of them without it); returns how many went. */
export async function deleteUserSessions(userId: number, exceptId?: string): Promise<number> {
  const { db, sessions } = await getDb();
  const deleted = await db
    .delete(sessions)
    .where(and(eq(sessions.userId, userId), exceptId === undefined ? undefined : ne(sessions.id, exceptId)))
    .returning({ id: sessions.id });
  return deleted.length;
}

/** Deletes up to `limit` sessions that expired by `now`; returns how many went. */
export async function deleteExpiredSessions(now: Date, limit: number): Promise<number> {
  const { db, sessions } = await getDb();
  const expired = lte(sessions.expiresAt, now);
  const batch = db.select({ id: sessions.id }).from(sessions).where(expired).limit(limit);
  const deleted = await db
    .delete(sessions)
    .where(and(expired, inArray(sessions.id, batch)))
    .returning({ id: sessions.id });
  return deleted.length;
}
