// `npm start`: the production server on every core. A primary process forks WEB_CONCURRENCY
// workers (default: one per core, or per CPU of a container's quota), each of them `next start` itself, run from Next's own CLI
// with this script's arguments (-p, -H, --keepAliveTimeout, a directory) and PORT, as
// `next start` reads them. Node's cluster shares the one listening socket: the primary
// accepts connections and hands them to the workers in turn.
//
// Plain Node on purpose: it runs before, and outside, anything Next.js builds. Vercel runs
// no custom server, so none of this applies there.
import cluster from 'node:cluster';
import { createRequire } from 'node:module';
import { CRASH_LOOP, restartSchedule } from '../lib/restart-schedule.mjs';
import { usableCores } from '../lib/usable-cores.mjs';

/** A worker that ends with these after being told to stop has stopped well (`next start` exits 143 on SIGTERM, 130 on SIGINT). */
const CLEAN_STOP_CODES = new Set([0, 130, 143]);
const CLEAN_STOP_SIGNALS = new Set(['SIGTERM', 'SIGINT']);

/** The same rule as lib/config.ts, which the workers apply too: this process cannot import it. */
function workerCount(value) {
  if (value === undefined || value === '') return usableCores();
  const count = Number(value);
  if (!Number.isInteger(count) || count < 1 || count > 1024) {
    console.error('Microblog cannot start: invalid configuration\nWEB_CONCURRENCY: must be a whole number from 1 to 1024');
    process.exit(1);
  }
  return count;
}

const count = workerCount(process.env.WEB_CONCURRENCY);
cluster.setupPrimary({
  exec: createRequire(import.meta.url).resolve('next/dist/bin/next'),
  args: ['start', ...process.argv.slice(2)],
});

const started = new WeakSet();
/** Until every first worker has started, a death is a start-up failure that a new worker would repeat. */
let booting = true;
/** Set by a signal or a failure: no more workers, and the primary exits once the last one has. */
let stopping = false;
let failed = false;
const restarts = new Set();
const restartDelay = restartSchedule();

// Each worker knows how many share the machine: lib/config.ts divides the cores among them.
const fork = () => cluster.fork({ WEB_CONCURRENCY: String(count) });

function liveWorkers() {
  return Object.values(cluster.workers ?? {}).filter((worker) => worker && !worker.isDead());
}

function exitWhenAllStopped() {
  if (stopping && liveWorkers().length === 0) process.exit(failed ? 1 : 0);
}

/** Passes the signal on to every worker, as a process manager would give it to `next start`, and waits for them. */
function stopAll(signal) {
  stopping = true;
  for (const timer of restarts) clearTimeout(timer);
  restarts.clear();
  for (const worker of liveWorkers()) worker.process.kill(signal);
  exitWhenAllStopped();
}

function replaceAfterCrash(worker, code, signal) {
  const delay = restartDelay();
  if (delay === null) {
    console.error(`Microblog: ${CRASH_LOOP.deaths} workers died within ${CRASH_LOOP.withinMs / 1000} s; stopping.`);
    failed = true;
    stopAll('SIGTERM');
    return;
  }
  console.error(`Microblog: worker ${worker.process.pid} died (${signal ?? `exit code ${code}`}); a new one starts in ${delay / 1000} s.`);
  const timer = setTimeout(() => {
    restarts.delete(timer);
    fork();
  }, delay);
  restarts.add(timer);
}

cluster.on('message', (worker, message) => {
  if (message?.microblog !== 'started') return;
  started.add(worker);
  if (booting && liveWorkers().every((each) => started.has(each))) booting = false;
});

cluster.on('exit', (worker, code, signal) => {
  if (stopping) {
    if (!CLEAN_STOP_CODES.has(code ?? 0) || (signal && !CLEAN_STOP_SIGNALS.has(signal))) failed = true;
    exitWhenAllStopped();
  } else if (booting) {
    // Its own message (bad settings, a missing migration, a port in use) is already on stderr.
    console.error(`Microblog: a worker could not start (${signal ?? `exit code ${code}`}); stopping.`);
    failed = true;
    stopAll('SIGTERM');
  } else {
    replaceAfterCrash(worker, code, signal);
  }
});

for (const signal of ['SIGTERM', 'SIGINT']) process.on(signal, () => stopAll(signal));

console.log(`Microblog: starting ${count} worker${count === 1 ? '' : 's'}.`);
for (let index = 0; index < count; index += 1) fork();
