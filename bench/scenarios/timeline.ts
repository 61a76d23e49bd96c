import { getDb } from '@/lib/db/client';
import { hashPassword } from '@/lib/auth/passwords';
import { formPost } from '../lib/forms';
import type { Row } from '../lib/report';
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

/** Seeds 10,000 users, 100,000 posts and 200,000 follow links straight into SQLite. */
export async function seedSocialGraph(): Promise<{ username: string; password: string }> {
  const sqlite = getDb().$client;
  const passwordHash = await hashPassword('timeline password');
  const next = random(42);
  const now = Date.now();
  sqlite.transaction(() => {
    const insertUser = sqlite.prepare('insert into users (username, email, password_hash) values (?, ?, ?)');
    const firstId = Number(insertUser.run('load0', 'load0@example.com', passwordHash).lastInsertRowid);
    for (let n = 1; n < USERS; n += 1) insertUser.run(`load${n}`, `load${n}@example.com`, passwordHash);
    const insertPost = sqlite.prepare('insert into posts (body, user_id, created_at) values (?, ?, ?)');
    for (let n = 0; n < POSTS; n += 1) {
      insertPost.run(`post ${n}`, firstId + Math.floor(next() * USERS), now - Math.floor(next() * 30 * 86_400_000));
    }
    const insertFollow = sqlite.prepare('insert or ignore into followers (follower_id, followed_id) values (?, ?)');
    let links = 0;
    while (links < FOLLOWS) {
      const follower = firstId + Math.floor(next() * USERS);
      const followed = firstId + Math.floor(next() * USERS);
      if (follower !== followed) links += insertFollow.run(follower, followed).changes;
    }
  })();
  sqlite.exec('analyze');
  return { username: 'load0', password: 'timeline password' };
}

async function signIn(url: string, username: string, password: string): Promise<string> {
  const { body, contentType } = await formPost(`${url}/login`, { username, password, next: '/' });
  const response = await fetch(`${url}/login`, {
    method: 'POST',
    body: new Uint8Array(body),
    headers: { 'content-type': contentType, origin: url },
    redirect: 'manual',
  });
  const cookies = response.headers.getSetCookie().map((cookie) => cookie.split(';')[0]);
  const session = cookies.find((cookie) => cookie?.includes('session-token'));
  if (!session) throw new Error(`sign-in failed with ${response.status}`);
  return session;
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
