import 'server-only';
import { after } from 'next/server';
import { forgetExpiredSessions } from '@/lib/auth/sessions';
import { forgetExpiredThrottles } from '@/lib/auth/throttling';
import { getConfig } from '@/lib/config';
import { hasBearerToken } from '@/lib/http/bearer';
import { requestDrain, type DrainReport } from '@/lib/mail';

export type MaintenanceReport = DrainReport & { throttleCountersForgotten: number; expiredSessionsForgotten: number };

/**
 * The chores that keep the app healthy between requests: send the mail that is due, and
 * forget rate-limit counters that no longer hold anyone back and sessions that expired. A long-running server does
 * them on a timer; a serverless host's cron calls the route that runs them.
 */
export async function runMaintenance(): Promise<MaintenanceReport> {
  const throttleCountersForgotten = await forgetExpiredThrottles();
  const expiredSessionsForgotten = await forgetExpiredSessions();
  return { ...(await requestDrain()), throttleCountersForgotten, expiredSessionsForgotten };
}

/** Runs the chores every `intervalMs`, so mail queued before a crash or during an outage still goes out. */
export function startMaintenanceTimer(intervalMs: number): () => void {
  const timer = setInterval(() => {
    runMaintenance().catch((error: unknown) => console.error('Maintenance failed:', error));
  }, intervalMs);
  // The timer alone must not keep a finished process alive.
  timer.unref();
  return () => clearInterval(timer);
}

/**
 * On a serverless host nothing runs between requests and Vercel's cron comes once a day at
 * best (and never to a preview), so a retry that comes due would wait for a request that
 * queues mail, and expired counters for the cron. Any request may give the chores that
 * push; one look per process per interval keeps the cost at a query or two.
 */
export const MAINTENANCE_SOON_INTERVAL_MS = 30_000;

// Per process, not per bundle: the layout and the route handlers are bundled apart.
// performance.now() is monotonic, so a clock set back cannot stop the looks.
const globalForMaintenance = globalThis as unknown as { microblogLastMaintenanceSoon?: number };

/**
 * After the current response (`after()`: Vercel keeps the function alive for it), runs the
 * chores, unless this process did less than an interval ago.
 */
export function runMaintenanceSoon({ now = performance.now(), schedule = after }: { now?: number; schedule?: (task: () => Promise<unknown>) => void } = {}): void {
  const last = globalForMaintenance.microblogLastMaintenanceSoon;
  if (last !== undefined && now - last < MAINTENANCE_SOON_INTERVAL_MS) return;
  globalForMaintenance.microblogLastMaintenanceSoon = now;
  schedule(() => runMaintenance().catch((error: unknown) => console.error('Maintenance failed:', error)));
}

/** Runs the chores for a scheduler that holds CRON_SECRET; null for anyone else. */
export async function runMaintenanceForCron(authorization: string | null): Promise<MaintenanceReport | null> {
  const secret = getConfig().cronSecret;
  if (!secret || !hasBearerToken(authorization, secret)) return null;
  return runMaintenance();
}
