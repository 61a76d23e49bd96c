import 'server-only';
import { and, eq, sql } from 'drizzle-orm';
import { getDb } from './client';
import { followers } from './schema';

export function follow(followerId: number, followedId: number): void {
  getDb().insert(followers).values({ followerId, followedId }).onConflictDoNothing().run();
}

export function unfollow(followerId: number, followedId: number): void {
  getDb()
    .delete(followers)
    .where(and(eq(followers.followerId, followerId), eq(followers.followedId, followedId)))
    .run();
}

export function isFollowing(followerId: number, followedId: number): boolean {
  return Boolean(
    getDb()
      .select({ one: sql`1` })
      .from(followers)
      .where(and(eq(followers.followerId, followerId), eq(followers.followedId, followedId)))
      .get(),
  );
}

export function countFollows(userId: number): { followers: number; following: number } {
  const row = getDb()
    .select({
      followers: sql<number>`(select count(*) from ${followers} where ${followers.followedId} = ${userId})`,
      following: sql<number>`(select count(*) from ${followers} where ${followers.followerId} = ${userId})`,
    })
    .from(sql`(select 1)`)
    .get();
  return { followers: row?.followers ?? 0, following: row?.following ?? 0 };
}
