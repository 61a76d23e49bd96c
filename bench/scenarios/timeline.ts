import { sql } from 'drizzle-orm';
import type { BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import type { Database } from '@/lib/db/client';
import { hashPassword } from '@/lib/auth/passwords';
import type { Row } from '../lib/report';
import { signIn } from '../lib/sign-in';
import { quantile, round } from '../lib/stats';

const USERS = 10_000;
const POSTS = 100_000;
const FOLLOWS = 200_000;
const REQUESTS = 200;
const TARGET_MS = 30;

/** Mulberry32: a deterministic sequence in 32-bit integer arithmetic, so every run seeds the same graph. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
}

const BATCH = 1_000;

/** `count` rows made by `row`, a batch (one insert statement) at a time. */
async function* batches<T>(count: number, row: (index: number) => T): AsyncGenerator<T[]> {
  for (let start = 0; start < count; start += BATCH) {
    // better-sqlite3 runs each insert synchronously, so without this pause the seeding never
    // lets the event loop retire fetch's idle keep-alive sockets, and the first request after
    // it goes out on one the server has long closed.
    await new Promise(setImmediate);
    yield Array.from({ length: Math.min(BATCH, count - start) }, (_, offset) => row(start + offset));
  }
}

/**
 * Seeds 10,000 users, 100,000 posts and 200,000 follow links through the app's own tables,
 * so SQLite and Postgres get the same graph from the same seed.
 */
export async function seedSocialGraph(database: Database): Promise<{ username: string; password: string }> {
  const { db, users, posts, followers } = database;
  const passwordHash = await hashPassword('timeline password');
  const next = random(42);
  const now = Date.now();
  const ids: number[] = [];
  for await (const rows of batches(USERS, (n) => ({ username: `load${n}`, email: `load${n}@example.com`, passwordHash }))) {
    ids.push(...(await db.insert(users).values(rows).returning({ id: users.id })).map((user) => user.id));
  }
  const anyone = () => ids[Math.floor(next() * USERS)] ?? 0;
  for await (const rows of batches(POSTS, (n) => ({ body: `post ${n}`, userId: anyone(), createdAt: new Date(now - Math.floor(next() * 30 * 86_400_000)) }))) {
    await db.insert(posts).values(rows);
  }
  let links = 0;
  while (links < FOLLOWS) {
    await new Promise(setImmediate); // as in batches()
    const pairs = Array.from({ length: Math.min(BATCH, FOLLOWS - links) }, () => ({ followerId: anyone(), followedId: anyone() }));
    const fresh = pairs.filter((pair) => pair.followerId !== pair.followedId);
    if (fresh.length === 0) continue;
    // A pair drawn twice is skipped by the primary key, on both databases alike.
    links += (await db.insert(followers).values(fresh).onConflictDoNothing().returning({ id: followers.followerId })).length;
  }
  // Statistics for the planner, as a database that grew over time would have; the
  // statement is the same on both, drizzle's way to run raw SQL is not.
  if (database.dialect.name === 'postgres') await db.execute(sql`analyze`);
  else (db as unknown as BetterSQLite3Database).run(sql`analyze`);
  return { username: 'load0', password: 'timeline password' };
}

async function latencies(url: string, cookie: string): Promise<number[]> {
  const samples: number[] = [];
  for (let n = 0; n < REQUESTS + 20; n += 1) {
    const start = performance.now();
    const response = await fetch(url, { headers: { cookie } });
    await response.arrayBuffer();
    if (response.status !== 200) throw new Error(`${url} answered ${response.status}`);
    if (n >= 20) samples.push(performance.now() - start);
  }
  return samples;
}

/** Issue 3's scenario: the home timeline and explore over a seeded 10k-user graph. */
export async function timelineLatency(appUrl: string, credentials: { username: string; password: string }): Promise<Row[]> {
  const cookie = await signIn(appUrl, credentials.username, credentials.password);
  const rows: Row[] = [];
  for (const [label, path] of [['home timeline /', '/'], ['explore /explore', '/explore']] as const) {
    const samples = await latencies(`${appUrl}${path}`, cookie);
    const scenario = `${label} (10k users, 100k posts, 200k follows)`;
    const p50 = quantile(samples, 0.5);
    rows.push({ scenario, metric: `p50 of ${REQUESTS}`, value: round(p50), unit: 'ms', target: `< ${TARGET_MS}`, met: p50 < TARGET_MS });
    rows.push({ scenario, metric: `p99 of ${REQUESTS}`, value: round(quantile(samples, 0.99)), unit: 'ms' });
  }
  return rows;
}
