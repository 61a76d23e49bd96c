import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { getConfig } from '@/lib/config';

/**
 * What a fresh process has loaded after one query through the app's query modules: the
 * files in Node's module cache and the native libraries in its diagnostic report.
 * (better-sqlite3 opens its native addon only when a database is opened, so the addon
 * alone would not show an import that should not have happened.)
 */
function loadedAfterAQuery(databaseUrl: string): string[] {
  const script = [
    "import { createRequire } from 'node:module';",
    "await (await import('./lib/db/users.ts')).findUserById(1);",
    "await (await import('./lib/db/client.ts')).closeDb();",
    'const modules = Object.keys(createRequire(import.meta.url).cache);',
    'console.log(JSON.stringify([...modules, ...process.report.getReport().sharedObjects]));',
  ].join('\n');
  const run = spawnSync(process.execPath, ['--import', 'tsx', '--conditions=react-server', '--input-type=module', '-e', script], {
    env: { ...process.env, DATABASE_URL: databaseUrl },
    encoding: 'utf8',
    timeout: 30_000,
  });
  if (run.status !== 0) throw new Error(`the query failed:\n${run.stderr}`);
  return JSON.parse(run.stdout.trim().split('\n').at(-1) ?? '[]') as string[];
}

const loadsSqlite = (loaded: string[]) => loaded.some((file) => file.includes('/node_modules/better-sqlite3/') || file.endsWith('better_sqlite3.node'));
const settings = getConfig().database;

describe('the database driver', () => {
  it('loads better-sqlite3 for a SQLite file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'microblog-driver-'));
    try {
      expect(loadsSqlite(loadedAfterAQuery(join(dir, 'driver.db')))).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it.runIf(settings.kind === 'postgres')('never loads better-sqlite3 when the database is Postgres', () => {
    const loaded = loadedAfterAQuery(settings.kind === 'postgres' ? settings.url : '');
    expect(loaded.some((file) => file.includes('/node_modules/pg/'))).toBe(true);
    expect(loadsSqlite(loaded)).toBe(false);
  });
});
