import 'server-only';
import { and, eq, inArray, lte, sql, type SQL } from 'drizzle-orm';
import { getDb, type Database } from './client';
import { prepared, UNNAMED } from './prepared';

const placeholder = sql.placeholder;

/**
 * One statement counting one hit on the key placeholder, so concurrent requests in any
 * process each get their own count; the count starts afresh when `restart` holds. With
 * `allowWhen`, a hit that fails it changes nothing and returns no row. `now` is a
 * placeholder too; so are the limits `restart` and `allowWhen` compare with.
 */
function hitStatement({ db, throttle }: Database, restart: SQL, allowWhen: SQL) {
  const now = placeholder('now');
  return db
    .insert(throttle)
    .values({ key: placeholder('key'), hits: 1, windowStartedAt: now, lastHitAt: now })
    .onConflictDoUpdate({
      target: throttle.key,
      set: {
        hits: sql`case when ${restart} then 1 else ${throttle.hits} + 1 end`,
        windowStartedAt: sql`case when ${restart} then ${now} else ${throttle.windowStartedAt} end`,
        lastHitAt: sql`${now}`,
      },
      setWhere: allowWhen,
    })
    .returning({ hits: throttle.hits })
    .prepare(UNNAMED);
}

function takeHitStatement(database: Database) {
  const { throttle } = database;
  const restart = sql`${throttle.windowStartedAt} <= ${placeholder('windowStartedBy')}`;
  return hitStatement(database, restart, sql`${restart} or ${throttle.hits} < ${placeholder('limit')}`);
}

function claimAttemptStatement(database: Database) {
  const { throttle } = database;
  const forgotten = sql`${throttle.lastHitAt} <= ${placeholder('forgottenBy')}`;
  const free = placeholder('free');
  const maxDelayMs = placeholder('maxDelayMs');
  // The n-th delay is base * 2^n, capped. Written with `case` and a bigint shift, which both
  // databases read alike: SQLite's scalar min() is Postgres's least(), and 30 s * 2^30 needs
  // 64 bits, which SQLite's integers always have and Postgres's only as bigint.
  const doublings = sql`case when ${throttle.hits} - ${free} < 30 then ${throttle.hits} - ${free} else 30 end`;
  const uncapped = sql`cast(${placeholder('baseDelayMs')} as bigint) * (cast(1 as bigint) << ${doublings})`;
  const delay = sql`case when ${uncapped} < ${maxDelayMs} then ${uncapped} else ${maxDelayMs} end`;
  const allowed = sql`${forgotten} or ${throttle.hits} < ${free} or ${throttle.lastHitAt} + ${delay} <= ${placeholder('now')}`;
  return hitStatement(database, forgotten, allowed);
}

/**
 * Takes one of `limit` hits in a fixed window that starts at the key's first hit: true,
 * and the hit is counted; false, and nothing is written, so a client hammering past its
 * limit costs no more rows or writes than one that stopped.
 */
export async function takeHit(key: string, limit: number, windowMs: number, now: number): Promise<boolean> {
  const rows = await prepared(await getDb(), 'throttle_take_hit', takeHitStatement).execute({ key, now, windowStartedBy: now - windowMs, limit });
  return rows.length > 0;
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
  const { free, baseDelayMs, maxDelayMs, forgetAfterMs } = policy;
  const rows = await prepared(await getDb(), 'throttle_claim_attempt', claimAttemptStatement).execute({ key, now, forgottenBy: now - forgetAfterMs, free, baseDelayMs, maxDelayMs });
  return rows.length > 0;
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
