import 'server-only';
import type { Database } from './client';

const built = new WeakMap<Database, Map<string, unknown>>();

/**
 * The name to give drizzle's `.prepare()`: none. A named Postgres statement lives on one
 * server connection, which a pooler in transaction mode (the pooled DATABASE_URL) does not
 * promise from one query to the next. What a prepared query saves here is drizzle building
 * the SQL text again; Postgres parsing it again is cheap beside that.
 */
export const UNNAMED = '';

/**
 * The query `build` makes with `.prepare(UNNAMED)`, built once per open database and kept
 * under `key`: for the queries every form post runs, where drizzle building the SQL again
 * each time cost about a tenth of the post (bench/README.md). better-sqlite3 also keeps
 * the compiled statement (./sqlite.ts).
 */
export function prepared<T>(database: Database, key: string, build: (database: Database) => T): T {
  let statements = built.get(database);
  if (!statements) built.set(database, (statements = new Map()));
  if (!statements.has(key)) statements.set(key, build(database));
  return statements.get(key) as T;
}
