// `npm run db:migrate`: brings the database in DATABASE_URL up to the committed migrations.
// Postgres is migrated only here (the Vercel build runs it before `next build`), through
// DATABASE_URL_UNPOOLED when set; a server never changes its schema. A SQLite file is
// migrated whenever it is opened, so this merely opens it.
import { getDatabaseSettings } from '@/lib/config';

const settings = getDatabaseSettings();
if (settings.kind === 'postgres') {
  const { migratePostgres } = await import('@/lib/db/postgres');
  const applied = await migratePostgres(settings.migrationUrl);
  console.log(applied > 0 ? `Applied ${applied} migration(s) to Postgres.` : 'Postgres is up to date.');
} else {
  const { openSqlite } = await import('@/lib/db/sqlite');
  await openSqlite(settings.path).close();
  console.log(`SQLite at ${settings.path} is up to date.`);
}
