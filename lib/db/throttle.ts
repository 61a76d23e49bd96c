import 'server-only';
import { and, eq, inArray, lte, sql, type SQL } from 'drizzle-orm';
import { getDb } from './client';
import { throttle } from './schema';

/**
 * Counts one hit on `key` in one statement, so concurrent requests in any process each
 * get their own count; the count starts afresh when `restart` holds. With `allowWhen`,
 * a hit that fails it changes nothing and returns undefined.
 */
function hit(key: string, now: number, restart: SQL, allowWhen?: SQL): number | undefined {
  return getDb()
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
    .returning({ hits: throttle.hits })
    .get()?.hits;
}

/**
 * Takes one of `limit` hits in a fixed window that starts at the key's first hit: true,
 * and the hit is counted; false, and nothing is written, so a client hammering past its
 * limit costs no more rows or writes than one that stopped.
 */
export function takeHit(key: string, limit: number, windowMs: number, now: number): boolean {
  const restart = sql`${throttle.windowStartedAt} <= ${now - windowMs}`;
  return hit(key, now, restart, sql`${restart} or ${throttle.hits} < ${limit}`) !== undefined;
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
export function claimAttempt(key: string, policy: AttemptPolicy, now: number): boolean {
  const forgotten = sql`${throttle.lastHitAt} <= ${now - policy.forgetAfterMs}`;
  const delay = sql`min(${policy.maxDelayMs}, ${policy.baseDelayMs} * (1 << min(30, ${throttle.hits} - ${policy.free})))`;
  const allowed = sql`${forgotten} or ${throttle.hits} < ${policy.free} or ${throttle.lastHitAt} + ${delay} <= ${now}`;
  return hit(key, now, forgotten, allowed) !== undefined;
}

/** Takes back one counted attempt: a success is not evidence of guessing. */
export function forgiveAttempt(key: string): void {
  getDb()
    .update(throttle)
    .set({ hits: sql`max(0, ${throttle.hits} - 1)` })
    .where(eq(throttle.key, key))
    .run();
}

export function clearThrottle(key: string): void {
  getDb().delete(throttle).where(eq(throttle.key, key)).run();
}

/**
 * Deletes up to `limit` counters whose key starts with `keyPrefix` and that were not hit
 * since `idleSince`. The condition is checked again on each row deleted, so a counter hit
 * meanwhile by a request survives.
 */
export function deleteIdleThrottles(keyPrefix: string, idleSince: number, limit: number): number {
  const db = getDb();
  const idle = and(lte(throttle.lastHitAt, idleSince), sql`substr(${throttle.key}, 1, ${keyPrefix.length}) = ${keyPrefix}`);
  const batch = db.select({ key: throttle.key }).from(throttle).where(idle).limit(limit);
  return db
    .delete(throttle)
    .where(and(idle, inArray(throttle.key, batch)))
    .run().changes;
}
