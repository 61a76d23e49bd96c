import 'server-only';
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import Sqlite from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import type { Database } from './client';
import { sqliteDialect } from './dialect';
import * as tables from './schema/sqlite';

// In the app only ./client.ts imports this module, and only when DATABASE_URL names a SQLite
// file; scripts/migrate.ts and tests open files with it directly.

const MIGRATIONS_FOLDER = resolve(process.cwd(), 'drizzle/sqlite');

function applyMigrations(db: BetterSQLite3Database): void {
  try {
    migrate(db, { migrationsFolder: MIGRATIONS_FOLDER });
  } catch {
    // Another process sharing the file may have applied the same migration between
    // drizzle's check and its transaction; a second pass sees it and has nothing to do.
    migrate(db, { migrationsFolder: MIGRATIONS_FOLDER });
  }
}

// The app sends a few dozen distinct SQL texts; a list past this is not ours to keep.
const MAX_KEPT_STATEMENTS = 256;

/**
 * drizzle has every query's SQL compiled again, which cost a tenth of a sign-in form's post:
 * each text is compiled once and its statement reused. Reuse is safe because better-sqlite3
 * runs a statement to its end before returning; the one setting drizzle changes on a
 * statement (raw rows, for `values()`) is put back before each use.
 */
function reuseStatements(sqlite: Sqlite.Database): void {
  const compile = sqlite.prepare.bind(sqlite);
  const kept = new Map<string, Sqlite.Statement>();
  sqlite.prepare = ((source: string) => {
    let statement = kept.get(source);
    if (!statement) {
      statement = compile(source);
      if (kept.size >= MAX_KEPT_STATEMENTS) kept.clear();
      kept.set(source, statement);
    }
    if (statement.reader) statement.raw(false);
    return statement;
  }) as typeof sqlite.prepare;
}

/** Opens a SQLite file, creating it if need be, and applies the committed migrations. */
export function openSqlite(path: string): Database {
  mkdirSync(dirname(path), { recursive: true });
  const sqlite = new Sqlite(path);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('foreign_keys = ON');
  // Several processes (server, drainers, tests) share the file; wait for a lock instead of failing.
  sqlite.pragma('busy_timeout = 5000');
  reuseStatements(sqlite);
  const db = drizzle(sqlite);
  applyMigrations(db);
  return {
    // The one cast that lets a single query set serve both databases; ./client.ts says why it holds.
    ...(tables as unknown as Omit<Database, 'db' | 'dialect' | 'pendingMigrations' | 'close'>),
    db: db as unknown as Database['db'],
    dialect: sqliteDialect,
    pendingMigrations: async () => 0,
    close: async () => void sqlite.close(),
  };
}
