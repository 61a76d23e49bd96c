import 'server-only';
import { and, eq, sql } from 'drizzle-orm';
import { getDb } from './client';

export async function follow(followerId: number, followedId: number): Promise<void> {
  const { db, followers } = await getDb();
  await db.insert(followers).values({ followerId, followedId }).onConflictDoNothing();
}

export async function unfollow(followerId: number, followedId: number): Promise<void> {
  const { db, followers } = await getDb();
  await db.delete(followers).where(and(eq(followers.followerId, followerId), eq(followers.followedId, followedId)));
}

export async function isFollowing(followerId: number, followedId: number): Promise<boolean> {
  const { db, followers } = await getDb();
  const rows = await db
    .select({ one: sql`1` })
    .from(followers)
    .where(and(eq(followers.followerId, followerId), eq(followers.followedId, followedId)));
  return rows.length > 0;
}

export async function countFollows(userId: number): Promise<{ followers: number; following: number }> {
  const { db, followers, users } = await getDb();
  // mapWith(Number): Postgres counts in bigint, which node-postgres hands over as a string.
  const [row] = await db
    .select({
      followers: sql<number>`(select count(*) from ${followers} where ${followers.followedId} = ${users.id})`.mapWith(Number),
      following: sql<number>`(select count(*) from ${followers} where ${followers.followerId} = ${users.id})`.mapWith(Number),
    })
    .from(users)
    .where(eq(users.id, userId));
  return { followers: row?.followers ?? 0, following: row?.following ?? 0 };
}
