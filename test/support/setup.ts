import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, inject } from 'vitest';
import { closeDb } from '@/lib/db/client';

// Each test file gets its own database and a fixed key, never the developer's ./data:
// a fresh, migrated Postgres database when the run has a cluster (npm run test:unit:pg),
// else a fresh SQLite file.
const postgres = inject('postgresAdminUrl');
let sqliteDir: string | undefined;
if (postgres) {
  const { createDatabase } = await import('./postgres-databases');
  process.env.DATABASE_URL = await createDatabase(postgres, `test_${randomBytes(6).toString('hex')}`);
} else {
  sqliteDir = mkdtempSync(join(tmpdir(), 'microblog-test-'));
  process.env.DATABASE_URL = join(sqliteDir, 'test.db');
}
process.env.SECRET_KEY = 'test-secret-key-that-is-long-enough-0123456789';
process.env.APP_URL = 'http://app.test';
process.env.ADMINS = 'admin@app.test';

// The pool's idle connections would otherwise outlive the file's tests; the file, the run.
afterAll(async () => {
  await closeDb();
  if (sqliteDir) rmSync(sqliteDir, { recursive: true, force: true });
});
