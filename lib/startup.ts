import 'server-only';
import cluster from 'node:cluster';
import { ConfigError, getConfig } from '@/lib/config';
import { getDb } from '@/lib/db/client';
import { startConnectionHelpers } from '@/lib/http/connection-helpers';
import { guardFrontDoor } from '@/lib/http/front-door';
import { stopDraining } from '@/lib/mail';
import { startMaintenanceTimer } from '@/lib/maintenance';
import { tierUpSooner } from '@/lib/tier-up-sooner';

const MAINTENANCE_INTERVAL_MS = 5_000;

/** Runs once when a server process starts: bad settings stop it here, not at the first request. */
export async function startServer(): Promise<void> {
  try {
    getConfig();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    console.error(`Microblog cannot start: invalid configuration\n${error.message}`);
    process.exit(1);
  }
  if (getConfig().production) tierUpSooner();
  guardFrontDoor({ maxInFlight: getConfig().maxRequestsInFlight, maxQueueWaitMs: getConfig().maxQueueWaitMs });
  // SQLite migrates on open; Postgres is migrated by the build, and a server behind it must not serve.
  const pending = await (await getDb()).pendingMigrations();
  if (pending > 0) {
    console.error(`Microblog cannot start: the database lacks ${pending} committed migration(s). Run \`npm run db:migrate\` against it first.`);
    process.exit(1);
  }
  // A Vercel function is frozen between requests, so a timer would fire at random or never:
  // after(), later requests and the cron route do its chores there instead. Every worker of
  // `npm start` runs its own: each drains after its own requests anyway, leases keep two
  // drainers off one row, and no worker's death leaves the chores to a hand-over; the cost
  // is a claim and a delete per worker every 5 s, which SQLite's busy timeout queues.
  const stopTimer = getConfig().vercelEnv ? () => undefined : startMaintenanceTimer(MAINTENANCE_INTERVAL_MS);
  process.once('SIGTERM', () => {
    stopTimer();
    void stopDraining();
  });
  // Tells scripts/start.mjs this worker got through start-up: its death from now on is a crash
  // to replace, while a death before this (bad settings, a missing migration) stops them all.
  if (cluster.isWorker) process.send?.({ microblog: 'started' });
  startConnectionHelpers(getConfig().serverProcesses);
}
