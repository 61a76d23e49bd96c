import { defineConfig } from 'drizzle-kit';

// Postgres's migrations, applied by `npm run db:migrate` (never by the server); see drizzle.config.ts.
export default defineConfig({
  dialect: 'postgresql',
  schema: './lib/db/schema/postgres.ts',
  out: './drizzle/postgres',
});
