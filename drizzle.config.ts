import { defineConfig } from 'drizzle-kit';

// SQLite's migrations; drizzle.postgres.config.ts makes Postgres's from its twin schema.
// `npm run db:generate` runs both, so the two never drift apart.
export default defineConfig({
  dialect: 'sqlite',
  schema: './lib/db/schema/sqlite.ts',
  out: './drizzle/sqlite',
});
