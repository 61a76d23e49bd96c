import 'server-only';
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { getConfig } from '@/lib/config';
import * as schema from './schema';

export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database };

const MIGRATIONS_FOLDER = resolve(process.cwd(), 'drizzle');

function applyMigrations(db: Db): void {
  try {
    migrate(db, { migrationsFolder: MIGRATIONS_FOLDER });
  } catch {
    // Another process sharing the file may have applied the same migration between
    // drizzle's check and its transaction; a second pass sees it and has nothing to do.
    migrate(db, { migrationsFolder: MIGRATIONS_FOLDER });
  }
}

export function openDb(path: string): Db {
  mkdirSync(dirname(path), { recursive: true });
  const sqlite = new Database(path);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('foreign_keys = ON');
  // Several processes (server, drainers, tests) share the file; wait for a lock instead of failing.
  sqlite.pragma('busy_timeout = 5000');
  const db = drizzle(sqlite, { schema });
  applyMigrations(db);
  return db;
}

// Survives module reloads in `next dev`, which would otherwise open a new connection per edit.
const globalForDb = globalThis as unknown as { microblogDb?: Db };

/** The process's one connection, opened and migrated on first use. */
export function getDb(): Db {
  globalForDb.microblogDb ??= openDb(getConfig().databasePath);
  return globalForDb.microblogDb;
}
