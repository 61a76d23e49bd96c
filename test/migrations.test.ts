import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Sqlite from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { describe, expect, inject, it, onTestFinished } from 'vitest';
import { getConfig } from '@/lib/config';
import { violatedUniqueIndex } from '@/lib/db/dialect';
import { migratePostgres, openPostgres } from '@/lib/db/postgres';
import { openSqlite } from '@/lib/db/sqlite';
import { createDatabase } from './support/postgres-databases';

type Journal = { entries: { tag: string; when: number }[] };
const journalOf = (folder: string) => JSON.parse(readFileSync(join(folder, 'meta/_journal.json'), 'utf8')) as Journal;

/** A copy of the committed migrations as they stood before the one tagged `tag`: what an older release shipped. */
function migrationsBefore(folder: string, tag: string): string {
  const older = mkdtempSync(join(tmpdir(), 'microblog-migrations-'));
  mkdirSync(join(older, 'meta'));
  const journal = journalOf(folder);
  const entries = journal.entries.slice(0, journal.entries.findIndex((entry) => entry.tag.endsWith(tag)));
  expect(entries.length).toBeGreaterThan(0);
  for (const entry of entries) copyFileSync(join(folder, `${entry.tag}.sql`), join(older, `${entry.tag}.sql`));
  writeFileSync(join(older, 'meta/_journal.json'), JSON.stringify({ ...journal, entries }));
  return older;
}

describe.runIf(getConfig().database.kind === 'sqlite')('SQLite migrations', () => {
  it('upgrade a database made before Postgres arrived, keeping its accounts', async () => {
    // The earlier migrations are the files releases applied from drizzle/ before they moved to
    // drizzle/sqlite, unchanged; drizzle's migrator skips what it recorded (by created_at), so
    // only the later ones run, the first of them replacing the `collate nocase` indexes.
    const dir = mkdtempSync(join(tmpdir(), 'microblog-upgrade-'));
    onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
    const path = join(dir, 'old.db');
    const migrationsOfOlderRelease = migrationsBefore('drizzle/sqlite', '_lower_case_unique');
    onTestFinished(() => rmSync(migrationsOfOlderRelease, { recursive: true, force: true }));
    const old = new Sqlite(path);
    migrate(drizzle(old), { migrationsFolder: migrationsOfOlderRelease });
    old.prepare("insert into users (username, email, password_hash) values ('Alice', 'Alice@example.com', 'x')").run();
    old.close();

    const database = openSqlite(path);
    try {
      const { db, users } = database;
      expect(await db.select({ username: users.username }).from(users)).toEqual([{ username: 'Alice' }]);
      const error = await db
        .insert(users)
        .values({ username: 'ALICE', email: 'other@example.com', passwordHash: 'y' })
        .then(() => undefined, (caught: unknown) => caught);
      expect(violatedUniqueIndex(error)).toBe('users_username_unique');
      const reader = new Sqlite(path, { readonly: true });
      const applied = reader.prepare('select count(*) from __drizzle_migrations').pluck().get();
      reader.close();
      expect(applied).toBe(journalOf('drizzle/sqlite').entries.length);
    } finally {
      await database.close();
    }
  });
});

const postgresAdminUrl = inject('postgresAdminUrl');

describe.runIf(postgresAdminUrl)('Postgres migrations', () => {
  const adminUrl = postgresAdminUrl ?? '';
  const unmigrated = (name: string) => createDatabase(adminUrl, name, { migrate: false });

  it('counts what a database lacks; db:migrate applies it once, and a second run finds nothing to do', async () => {
    const url = await unmigrated('behind_then_migrated');
    const database = openPostgres(url);
    try {
      const committed = journalOf('drizzle/postgres').entries.length;
      expect(committed).toBeGreaterThan(0);
      expect(await database.pendingMigrations()).toBe(committed);
      expect(await migratePostgres(url)).toBe(committed);
      expect(await database.pendingMigrations()).toBe(0);
      expect(await migratePostgres(url)).toBe(0);
    } finally {
      await database.close();
    }
  });

  it('lets two migrators race on one database without applying anything twice', async () => {
    const url = await unmigrated('two_migrators');
    const applied = await Promise.all([migratePostgres(url), migratePostgres(url)]);
    expect(applied.sort()).toEqual([0, journalOf('drizzle/postgres').entries.length]);
  });

  it('stops a server whose database is behind, saying to run npm run db:migrate', async () => {
    const url = await unmigrated('behind');
    const server = spawnSync(
      process.execPath,
      ['--import', 'tsx', '--conditions=react-server', '--input-type=module', '-e', "await (await import('./lib/startup.ts')).startServer();"],
      { env: { ...process.env, DATABASE_URL: url }, encoding: 'utf8', timeout: 30_000 },
    );
    expect(server.status).toBe(1);
    expect(server.stderr).toContain('npm run db:migrate');
  });

  it('starts a server whose database is up to date', async () => {
    const url = await createDatabase(adminUrl, 'up_to_date');
    // startServer returns once its checks pass; the process then ends on its own only
    // if the pool is closed, which is what this script does.
    const server = spawnSync(
      process.execPath,
      [
        '--import',
        'tsx',
        '--conditions=react-server',
        '--input-type=module',
        '-e',
        "await (await import('./lib/startup.ts')).startServer(); await (await import('./lib/db/client.ts')).closeDb(); console.log('started');",
      ],
      { env: { ...process.env, DATABASE_URL: url }, encoding: 'utf8', timeout: 30_000 },
    );
    expect(server.stderr).not.toContain('cannot start');
    expect(server.stdout).toContain('started');
    expect(server.status).toBe(0);
  });
});
