import 'server-only';
import { ConfigError, getConfig } from '@/lib/config';
import { getDb } from '@/lib/db/client';
import { startDrainTimer, stopDraining } from '@/lib/mail/drain';
import { guardFrontDoor } from '@/lib/http/front-door';

const DRAIN_INTERVAL_MS = 5_000;

/** Runs once when a server process starts: bad settings stop it here, not at the first request. */
export function startServer(): void {
  try {
    getConfig();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    console.error(`Microblog cannot start: invalid configuration\n${error.message}`);
    process.exit(1);
  }
  guardFrontDoor();
  getDb();
  // A Vercel function is frozen between requests, so a timer would fire at random or never:
  // after(), later requests and the cron drain there instead.
  const stopTimer = getConfig().vercelEnv ? () => undefined : startDrainTimer(DRAIN_INTERVAL_MS);
  process.once('SIGTERM', () => {
    stopTimer();
    void stopDraining();
  });
}
