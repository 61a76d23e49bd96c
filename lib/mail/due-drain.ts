import 'server-only';
import { after } from 'next/server';
import { requestDrain } from './drain';

/**
 * On a serverless host nothing runs between requests and Vercel's cron comes once a day at
 * best (and never to a preview), so a retry that comes due would wait for a request that
 * queues mail. Any request may give it that push; one look per process per interval keeps
 * the cost at a single outbox query.
 */
export const DUE_CHECK_INTERVAL_MS = 30_000;

// Per process, not per bundle: the layout and the route handlers are bundled apart.
// performance.now() is monotonic, so a clock set back cannot stop the looks.
const globalForDueDrain = globalThis as unknown as { microblogLastDueCheck?: number };

/**
 * After the current response (`after()`: Vercel keeps the function alive for it), drains
 * whatever mail is due, unless this process looked less than an interval ago.
 */
export function drainDueMailSoon({ now = performance.now(), schedule = after }: { now?: number; schedule?: (task: () => Promise<unknown>) => void } = {}): void {
  const last = globalForDueDrain.microblogLastDueCheck;
  if (last !== undefined && now - last < DUE_CHECK_INTERVAL_MS) return;
  globalForDueDrain.microblogLastDueCheck = now;
  schedule(() => requestDrain().catch((error: unknown) => console.error('Outbox drain failed:', error)));
}
