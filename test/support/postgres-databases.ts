import pg from 'pg';
import { migratePostgres } from '@/lib/db/postgres';

/**
 * Creates an empty database on the test cluster and, unless told not to, migrates it as
 * `npm run db:migrate` would; returns its URL.
 */
export async function createDatabase(adminUrl: string, name: string, { migrate = true } = {}): Promise<string> {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`create database ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  if (migrate) await migratePostgres(url.href);
  return url.href;
}
