import 'server-only';
import { and, eq, inArray, lte, sql, type SQL } from 'drizzle-orm';
import { getDb, type Database } from './client';

/**
 * Counts one hit on `key` in one statement, so concurrent requests in any process each
 * get their own count; the count starts afresh when `restart` holds. With `allowWhen`,
 * a hit that fails it changes nothing and returns undefined.
 */
async function hit({ db, throttle }: Database, key: string, now: number, restart: SQL, allowWhen?: SQL): Promise<number | undefined> {
  const [row] = await db
    .insert(throttle)
    .values({ key, hits: 1, windowStartedAt: now, lastHitAt: now })
    .onConflictDoUpdate({
      target: throttle.key,
      set: {
        hits: sql`case when ${restart} then 1 else ${throttle.hits} + 1 end`,
        windowStartedAt: sql`case when ${restart} then ${now} else ${throttle.windowStartedAt} end`,
        lastHitAt: now,
      },
      setWhere: allowWhen,
    })
    .returning({ hits: throttle.hits });
  return row?.hits;
}

/**
 * Takes one of `limit` hits in a fixed window that starts at the key's first hit: true,
 * and the hit is counted; false, and nothing is written, so a client hammering past its
 * limit costs no more rows or writes than one that stopped.
 */
export async function takeHit(key: string, limit: number, windowMs: number, now: number): Promise<boolean> {
  const database = await getDb();
  const { throttle } = database;
  const restart = sql`${throttle.windowStartedAt} <= ${now - windowMs}`;
  return (await hit(database, key, now, restart, sql`${restart} or ${throttle.hits} < ${limit}`)) !== undefined;
}

export type AttemptPolicy = {
  /** Attempts allowed back to back before delays start. */
  free: number;
  /** The first delay; each further attempt doubles it. */
  baseDelayMs: number;
  maxDelayMs: number;
  /** Quiet time after which the count starts again. */
  forgetAfterMs: number;
};

/**
 * Takes an attempt on `key` if its delay has passed: true, and the attempt is counted;
 * false, and nothing changes. Taken and counted in one statement, so a burst of
 * parallel attempts cannot all slip through the same gap.
 */
export async function claimAttempt(key: string, policy: AttemptPolicy, now: number): Promise<boolean> {
  const database = await getDb();
  const { throttle } = database;
  const forgotten = sql`${throttle.lastHitAt} <= ${now - policy.forgetAfterMs}`;
  // The n-th delay is base * 2^n, capped. Written with `case` and a bigint shift, which both
  // databases read alike: SQLite's scalar min() is Postgres's least(), and 30 s * 2^30 needs
  // 64 bits, which SQLite's integers always have and Postgres's only as bigint.
  const doublings = sql`case when ${throttle.hits} - ${policy.free} < 30 then ${throttle.hits} - ${policy.free} else 30 end`;
  const uncapped = sql`cast(${policy.baseDelayMs} as bigint) * (cast(1 as bigint) << ${doublings})`;
  const delay = sql`case when ${uncapped} < ${policy.maxDelayMs} then ${uncapped} else ${policy.maxDelayMs} end`;
  const allowed = sql`${forgotten} or ${throttle.hits} < ${policy.free} or ${throttle.lastHitAt} + ${delay} <= ${now}`;
  return (await hit(database, key, now, forgotten, allowed)) !== undefined;
}

/** Takes back one counted attempt: a success is not evidence of guessing. */
export async function forgiveAttempt(key: string): Promise<void> {
  const { db, throttle } = await getDb();
  await db
    .update(throttle)
    .set({ hits: sql`case when ${throttle.hits} > 0 then ${throttle.hits} - 1 else 0 end` })
    .where(eq(throttle.key, key));
}

export async function clearThrottle(key: string): Promise<void> {
  const { db, throttle } = await getDb();
  await db.delete(throttle).where(eq(throttle.key, key));
}

/**
 * Deletes up to `limit` counters whose key starts with `keyPrefix` and that were not hit
 * since `idleSince`. The condition is checked again on each row deleted, so a counter hit
 * meanwhile by a request survives.
 */
export async function deleteIdleThrottles(keyPrefix: string, idleSince: number, limit: number): Promise<number> {
  const { db, throttle } = await getDb();
  const idle = and(lte(throttle.lastHitAt, idleSince), sql`substr(${throttle.key}, 1, ${keyPrefix.length}) = ${keyPrefix}`);
  const batch = db.select({ key: throttle.key }).from(throttle).where(idle).limit(limit);
  const deleted = await db
    .delete(throttle)
    .where(and(idle, inArray(throttle.key, batch)))
    .returning({ key: throttle.key });
  return deleted.length;
}
