import 'server-only';
import type { Database } from './client';

const built = new WeakMap<Database, Map<string, unknown>>();

/**
 * The statement `build` makes, built once per open database under `name` (drizzle's
 * `.prepare(name)`): for the queries every form post runs, where drizzle building the SQL
 * again each time cost about a tenth of the post (bench/README.md). Postgres keeps a
 * named statement per connection; better-sqlite3 keeps the compiled one (./sqlite.ts).
 */
export function prepared<T>(database: Database, name: string, build: (database: Database, name: string) => T): T {
  let statements = built.get(database);
  if (!statements) built.set(database, (statements = new Map()));
  if (!statements.has(name)) statements.set(name, build(database, name));
  return statements.get(name) as T;
}
