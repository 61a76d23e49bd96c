import 'server-only';
import type { NodePgDatabase } from 'drizzle-orm/node-postgres';
import { getConfig } from '@/lib/config';
import type { Dialect } from './dialect';
import type * as tables from './schema/postgres';

/**
 * The open database as query modules see it: a drizzle instance, the tables, and the
 * dialect's few helpers, all typed as Postgres's whichever database is open.
 *
 * Why this is the simplest thing that works: drizzle's SQLite and Postgres builders take
 * the same calls for everything the queries use (select with joins and subqueries,
 * insert/update ... returning, delete, onConflictDoNothing/DoUpdate), and once every
 * query is awaited (never better-sqlite3's synchronous .get()/.all()/.run()) both give
 * back arrays of the same rows. So on SQLite we hand out the better-sqlite3 instance and
 * the SQLite tables under the Postgres types: one cast, in ./sqlite.ts, instead of a
 * second copy of every query, or a union type no builder accepts. The rules that keep
 * the cast honest: results are arrays, row counts come from `.returning()` lengths (never
 * a driver's rowCount/changes), writes are single statements (better-sqlite3 cannot hold
 * a transaction across an await), and a builder method only one driver has (Postgres's
 * `.for()`, better-sqlite3's synchronous `.run()`) is used only inside ./dialect.ts. The
 * whole test suite runs on both databases to catch a slip.
 */
export type Database = typeof tables & {
  db: NodePgDatabase;
  dialect: Dialect;
  /** Committed migrations this database lacks; SQLite applies its own on open, so 0 there. */
  pendingMigrations(): Promise<number>;
  close(): Promise<void>;
};

// One connection (SQLite) or pool (Postgres) per process: Next bundles this module once
// per entry, and `next dev` reloads it on every edit.
const globalForDb = globalThis as unknown as { microblogDb?: Promise<Database>; microblogOpenedDb?: Database };

async function openDatabase(): Promise<Database> {
  const settings = getConfig().database;
  if (settings.kind === 'postgres') {
    const { openPostgres } = await import('./postgres');
    return openPostgres(settings.url);
  }
  // The app imports it here and nowhere else, so a Postgres deployment never loads better-sqlite3's native module.
  const { openSqlite } = await import('./sqlite');
  return openSqlite(settings.path);
}

/** The process's database, opened (and on SQLite migrated) on first use. */
export function getDb(): Promise<Database> {
  globalForDb.microblogDb ??= openDatabase().then(
    (database) => (globalForDb.microblogOpenedDb = database),
    (error: unknown) => {
      globalForDb.microblogDb = undefined;
      throw error;
    },
  );
  return globalForDb.microblogDb;
}

/** The database this process has open, if any, without waiting: for an exit handler, which cannot wait. */
export function openedDb(): Database | undefined {
  return globalForDb.microblogOpenedDb;
}

/** Closes the connection or pool, so a script or test ends without waiting on idle sockets. */
export async function closeDb(): Promise<void> {
  const open = globalForDb.microblogDb;
  globalForDb.microblogDb = undefined;
  globalForDb.microblogOpenedDb = undefined;
  const database = await open?.catch(() => undefined);
  await database?.close();
}
