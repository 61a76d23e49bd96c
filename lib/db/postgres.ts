import 'server-only';
import { resolve } from 'node:path';
import { sql } from 'drizzle-orm';
import { drizzle, type NodePgDatabase } from 'drizzle-orm/node-postgres';
import { migrate } from 'drizzle-orm/node-postgres/migrator';
import { Client, Pool } from 'pg';
import journal from '@/drizzle/postgres/meta/_journal.json';
import type { Database } from './client';
import { postgresDialect } from './dialect';
import * as tables from './schema/postgres';

// In the app only ./client.ts imports this module; scripts/migrate.ts, tests and the bench
// migrate and open databases with it directly.

const MIGRATIONS_FOLDER = resolve(process.cwd(), 'drizzle/postgres');
// Any fixed number: the key of the advisory lock that lets one migrator run at a time.
const MIGRATION_LOCK = 8_724_301;

/**
 * How many committed migrations the database lacks. drizzle's migrator applies every
 * migration newer than the newest `created_at` it recorded, so the same comparison tells
 * whether it has anything left to do. The journal is imported, not read from disk, so a
 * bundled server finds it wherever it runs.
 */
async function countPendingMigrations(db: NodePgDatabase): Promise<number> {
  const present = await db.execute<{ found: boolean }>(sql`select to_regclass('drizzle.__drizzle_migrations') is not null as found`);
  if (!present.rows[0]?.found) return journal.entries.length;
  const applied = await db.execute<{ newest: string | null }>(sql`select max(created_at) as newest from drizzle.__drizzle_migrations`);
  const newest = Number(applied.rows[0]?.newest ?? 0);
  return journal.entries.filter((entry) => entry.when > newest).length;
}

/** A pool for the app; it connects lazily and never changes the schema (see migratePostgres). */
export function openPostgres(url: string): Database {
  const pool = new Pool({ connectionString: url });
  // An idle client whose server went away (Neon suspends idle computes) reports it here;
  // unheard, that error would end the process. The pool replaces the client on next use.
  pool.on('error', (error) => console.error(`Postgres: an idle connection failed: ${error.message}`));
  const db = drizzle(pool);
  return {
    ...tables,
    db,
    dialect: postgresDialect,
    pendingMigrations: () => countPendingMigrations(db),
    close: () => pool.end(),
  };
}

/**
 * Applies the committed migrations (`npm run db:migrate`, which the Vercel build runs
 * before `next build`); returns how many it applied. Use a direct, unpooled URL: the
 * migrator's transaction and the session lock need one server connection throughout,
 * which a transaction-mode pooler does not promise.
 */
export async function migratePostgres(url: string): Promise<number> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    // Two deployments building at once against one database would both apply the same
    // migration; the second waits here and then finds nothing left to do.
    await client.query('select pg_advisory_lock($1)', [MIGRATION_LOCK]);
    const db = drizzle(client);
    const pending = await countPendingMigrations(db);
    if (pending > 0) await migrate(db, { migrationsFolder: MIGRATIONS_FOLDER });
    return pending;
  } finally {
    // Ending the session releases its advisory lock.
    await client.end();
  }
}
