import 'server-only';
import cluster from 'node:cluster';
import { fork, type ChildProcess } from 'node:child_process';
import { Server } from 'node:http';
import type { Socket } from 'node:net';
import { resolve } from 'node:path';
import { CRASH_LOOP, restartSchedule } from '@/lib/restart-schedule.mjs';
import { HANDED_CONNECTION, HELPER_READY } from './connection-handover.mjs';

/**
 * `next start` on every core. Next.js serves from one process; `npm start` (scripts/start.mjs)
 * runs a cluster, but a host that runs `next start` itself would leave the other cores idle.
 * So a lone `next start` starts helpers (scripts/serve-handed-connections.mjs: Next.js in a
 * process of its own that never listens) and hands them accepted connections in turn, keeping
 * its own share: the kernel socket itself goes to the helper, so nothing is proxied, and a
 * connection stays with the process it was handed to for all its requests.
 */

/** Set in a helper's environment: a helper serves what it is handed and starts no helpers. */
const HELPER_ENV = 'MICROBLOG_CONNECTION_HELPER';
/**
 * Connections handed to a helper and not yet sent over its channel: past this many (a helper
 * that has stopped answering) it is passed over, and one it never takes is closed. Node sends
 * one socket at a time and waits for the helper's acknowledgement, which a busy helper gives
 * a turn of its event loop later, so a burst queues many for a moment, as Node's cluster
 * does for its workers: a bound of 8 kept a third of a 50-connection burst from the helper
 * for good, and 64 a third of a 200-connection one.
 */
const MAX_IN_TRANSIT = 256;

const HELPER_SCRIPT = resolve(process.cwd(), 'scripts/serve-handed-connections.mjs');
/** How long closing the server waits for its helpers to finish their requests and exit. */
const STOP_GRACE_MS = 10_000;

type Helper = { child: ChildProcess; ready: boolean; exited: Promise<void>; inTransit: Set<Socket> };
type Sharing = { helpers: Helper[]; turn: number; stopping: boolean };
// Per process, not per bundle: two copies would each start helpers.
const globalForSharing = globalThis as unknown as { microblogSharing?: Sharing };

/**
 * The internals of a just-accepted net.Socket this uses: its libuv handle, which stops
 * reading so the kernel keeps the request for the helper; and `server`, which Node's
 * child_process reads to keep count of sockets sent away for that server's close(), a
 * count that never ends a close once a helper is gone: this module counts them instead.
 */
type Accepted = Socket & { _handle?: { readStop(): number; reading?: boolean } | null; server?: Server | null };

/**
 * Makes this process one of `processes` serving the machine: starts a helper for each of
 * the others, and from then on shares its connections with them. Only a lone `next start`
 * does: a worker of `npm start`'s cluster is one of its processes already, a helper is one
 * of ours, and on Vercel and in development `processes` is 1.
 */
export function startConnectionHelpers(processes: number): void {
  if (globalForSharing.microblogSharing || processes < 2 || cluster.isWorker || process.env[HELPER_ENV] === '1') return;
  const sharing: Sharing = (globalForSharing.microblogSharing = { helpers: [], turn: 0, stopping: false });
  const start = () => {
    const child = fork(/* turbopackIgnore: true */ HELPER_SCRIPT, [], { env: { ...process.env, [HELPER_ENV]: '1', WEB_CONCURRENCY: String(processes) } });
    const helper: Helper = { child, ready: false, exited: new Promise((done) => child.once('exit', () => done())), inTransit: new Set() };
    child.on('message', (message) => {
      if (message === HELPER_READY) helper.ready = true;
    });
    child.once('exit', (code, signal) => {
      sharing.helpers = sharing.helpers.filter((each) => each !== helper);
      // Node never sends, nor fails, what was queued for a helper that died: close them.
      for (const socket of helper.inTransit) socket.destroy();
      helper.inTransit.clear();
      if (!sharing.stopping) replace(code, signal);
    });
    sharing.helpers.push(helper);
  };
  const restartDelay = restartSchedule();
  const replace = (code: number | null, signal: NodeJS.Signals | null) => {
    const delay = restartDelay();
    if (delay === null) {
      console.error(`Microblog: ${CRASH_LOOP.deaths} connection helpers died within ${CRASH_LOOP.withinMs / 1000} s; this process serves alone.`);
      return;
    }
    console.error(`Microblog: a connection helper died (${signal ?? `exit code ${code}`}); a new one starts in ${delay / 1000} s.`);
    setTimeout(() => {
      if (!sharing.stopping) start();
    }, delay).unref();
  };
  for (let index = 1; index < processes; index += 1) start();
  stopHelpersWhenClosing(sharing);
}

/**
 * Hands `socket`, just accepted, to the next helper in turn, or keeps it (true: handed over).
 * Called before anything has read from it: reading stops at once, so the request's bytes
 * wait in the kernel for the helper instead of being read here and lost.
 */
export function handOffConnection(socket: Socket): boolean {
  const sharing = globalForSharing.microblogSharing;
  if (!sharing || sharing.stopping) return false;
  const ready = sharing.helpers.filter((helper) => helper.ready && helper.child.connected && helper.inTransit.size < MAX_IN_TRANSIT);
  sharing.turn = (sharing.turn + 1) % (ready.length + 1);
  const helper = ready[sharing.turn - 1];
  const accepted = socket as Accepted;
  const handle = accepted._handle;
  if (!helper || !handle) return false;
  handle.reading = false;
  handle.readStop();
  const keepAliveTimeout = accepted.server?.keepAliveTimeout;
  accepted.server = null;
  helper.inTransit.add(socket);
  helper.child.send({ kind: HANDED_CONNECTION, keepAliveTimeout }, socket, () => {
    helper.inTransit.delete(socket);
    // Sent, the handle is the helper's and this side has none left to close; destroying
    // it still ends this server's count of it. Not sent, it closes the connection.
    socket.destroy();
  });
  return true;
}

/**
 * Closing the server (Next.js does on SIGTERM, then exits) stops the helpers too, and waits
 * for them as well as for its own requests: a process manager that sees `next start` exit
 * may kill whatever it left, and a helper still sending mail must first put back what it holds.
 */
function stopHelpersWhenClosing(sharing: Sharing): void {
  const close = Server.prototype.close;
  Server.prototype.close = function closeWithHelpers(this: Server, callback?: (error?: Error) => void) {
    sharing.stopping = true;
    const helpers = [...sharing.helpers];
    for (const helper of helpers) helper.child.kill('SIGTERM');
    const stopped = Promise.race([Promise.all(helpers.map((helper) => helper.exited)), new Promise((done) => setTimeout(done, STOP_GRACE_MS).unref())]);
    return Reflect.apply(close, this, [(error?: Error) => void stopped.then(() => callback?.(error))]) as Server;
  } as typeof close;
}
