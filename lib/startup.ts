import 'server-only';
import { ConfigError, getConfig } from '@/lib/config';
import { getDb } from '@/lib/db/client';

/** Runs once when a server process starts: bad settings stop it here, not at the first request. */
export function startServer(): void {
  try {
    getConfig();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    console.error(`Microblog cannot start: invalid configuration\n${error.message}`);
    process.exit(1);
  }
  getDb();
}
