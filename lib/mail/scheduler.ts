import 'server-only';
import { setTimeout as sleep } from 'node:timers/promises';
import { releaseEmailsDuringExit } from '@/lib/db/outbox';
import { addDrainReport, drainOutbox, emptyDrainReport, processDrainer, type DrainOptions, type DrainReport } from './drain';
import { closeMailTransport, getMailTransport } from './transport';

type Drainer = {
  running: Promise<DrainReport> | null;
  requestedAgain: boolean;
  stop: AbortController;
  abandon: AbortController;
  releasesOnExit: boolean;
};

// On globalThis: Next.js bundles this module once per entry (instrumentation, pages,
// route handlers), and a process must run one drainer, not one per copy.
const globalForDrainer = globalThis as unknown as { microblogDrainer?: Drainer };

function drainer(): Drainer {
  globalForDrainer.microblogDrainer ??= {
    running: null,
    requestedAgain: false,
    stop: new AbortController(),
    abandon: new AbortController(),
    releasesOnExit: false,
  };
  return globalForDrainer.microblogDrainer;
}

/**
 * Whatever ends the process (Next.js exits on SIGTERM once its own work is done, maybe
 * before our grace period ends), the rows it still holds go back, due, instead of
 * waiting out their lease. Synchronous, as an exit handler must be: SQLite can; Postgres
 * cannot be reached any more, and there the rows go out again when their leases end.
 */
function releaseHeldMailOnExit(state: Drainer): void {
  if (state.releasesOnExit) return;
  state.releasesOnExit = true;
  process.once('exit', () => {
    try {
      releaseEmailsDuringExit(processDrainer(), new Date());
    } catch (error) {
      console.error('Could not put back the mail this process held:', error);
    }
  });
}

/**
 * Starts a drain unless one is running in this process, in which case that one goes
 * round once more and its report is the answer. `options` apply to a drain this call starts.
 */
export function requestDrain(options: Omit<DrainOptions, 'stop' | 'abandon'> = {}): Promise<DrainReport> {
  const state = drainer();
  if (state.stop.signal.aborted) return Promise.resolve(emptyDrainReport());
  if (state.running) {
    state.requestedAgain = true;
    return state.running;
  }
  releaseHeldMailOnExit(state);
  const signals = { stop: state.stop.signal, abandon: state.abandon.signal };
  state.running = (async () => {
    const total = emptyDrainReport();
    do {
      state.requestedAgain = false;
      addDrainReport(total, await drainOutbox(getMailTransport(), { ...options, ...signals }));
    } while (state.requestedAgain && !state.stop.signal.aborted);
    return total;
  })().finally(() => {
    state.running = null;
  });
  return state.running;
}

/** How long a stopping process keeps sending what it holds: inside the 10 s most hosts allow between SIGTERM and SIGKILL. */
const STOP_GRACE_MS = 8_000;

/**
 * Stops claiming mail for good, lets what is held go out for up to `graceMs`, then puts
 * back what could not be sent (due again, attempts unchanged) and closes the pool.
 */
export async function stopDraining({ graceMs = STOP_GRACE_MS }: { graceMs?: number } = {}): Promise<void> {
  const state = drainer();
  state.stop.abort();
  const running = state.running?.then(
    () => true,
    () => true,
  );
  if (running) {
    const graceTimer = new AbortController();
    const finished = await Promise.race([running, sleep(graceMs, false, { signal: graceTimer.signal }).catch(() => false)]);
    graceTimer.abort();
    if (!finished) {
      state.abandon.abort();
      await running;
    }
  }
  closeMailTransport();
}
