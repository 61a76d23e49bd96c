// A helper of `next start` (lib/http/connection-helpers.ts): Next.js, the same build and
// settings, in a process of its own that listens nowhere and serves the connections its
// parent accepted and handed over. Started by that parent only; it stops when told to
// (SIGTERM), on Ctrl-C, or when the parent is gone.
import { createServer } from 'node:http';
import next from 'next';
import { HANDED_CONNECTION, HELPER_READY } from '../lib/http/connection-handover.mjs';
/** How often a stopping helper closes the connections that have finished their request. */
const CLOSE_IDLE_EVERY_MS = 50;
const STOP_GRACE_MS = 9_000;

const server = createServer();
// Node starts its bookkeeping of connections (idle closing, header and request time limits)
// when a server starts listening; this one never does.
server.emit('listening');
const open = new Set();
let stopping = false;
let app;

/** Lets requests in progress finish (up to the grace period), closing each connection once idle, then exits. */
async function stop() {
  if (stopping) return;
  stopping = true;
  const deadline = Date.now() + STOP_GRACE_MS;
  while (open.size > 0 && Date.now() < deadline) {
    server.closeIdleConnections();
    await new Promise((done) => setTimeout(done, CLOSE_IDLE_EVERY_MS));
  }
  await app?.close().catch((error) => console.error(error));
  process.exit(143);
}

// Before Next.js starts: the app's own start-up adds a SIGTERM listener (it stops the mail
// drain), after which Node no longer ends the process on that signal by itself.
process.once('SIGTERM', stop);
// Ctrl-C in a terminal reaches every process of the group; a parent that is gone sends
// nothing. Both stop as SIGTERM does, the app's own listeners included.
const stopAsOnSigterm = () => process.kill(process.pid, 'SIGTERM');
process.once('SIGINT', stopAsOnSigterm);
process.once('disconnect', stopAsOnSigterm);

process.on('message', (message, socket) => {
  if (message?.kind !== HANDED_CONNECTION || !socket) return;
  if (stopping) return socket.destroy();
  // The parent's (Next.js's --keepAliveTimeout), so both sides of the machine keep connections alike.
  if (Number.isFinite(message.keepAliveTimeout)) server.keepAliveTimeout = message.keepAliveTimeout;
  open.add(socket);
  socket.once('close', () => open.delete(socket));
  server.emit('connection', socket);
});

const origin = new URL(process.env.__NEXT_PRIVATE_ORIGIN ?? 'http://localhost:3000');
app = next({ dev: false, dir: process.cwd(), hostname: origin.hostname, port: Number(process.env.PORT ?? origin.port), httpServer: server });
await app.prepare();
const handle = app.getRequestHandler();
server.on('request', (request, response) => handle(request, response));
if (!stopping) process.send?.(HELPER_READY);
