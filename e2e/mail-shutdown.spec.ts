import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { rmSync } from 'node:fs';
import Database from 'better-sqlite3';
import { expect, test } from '@playwright/test';
import { startSmtpSink, type SunkMessage } from '../scripts/smtp-sink.mjs';
import { SHUTDOWN_APP_PORT, SHUTDOWN_SMTP_PORT } from './ports';
import { childrenOf, PROCESS_MARKER, processesMarked, processesServing, whileConnected } from './processes';
import { DEPLOYED } from './server';

// A fault test against a production server of its own, so that stopping it stops no other test.
const DATABASE = 'test-results/shutdown.db';
const APP = `http://127.0.0.1:${SHUTDOWN_APP_PORT}`;

// Both tests use the one port: one after the other.
test.describe.configure({ mode: 'default' });

type Row = { message_id: string; status: string; attempts: number };

/** `next start` on a port of its own, as two processes whatever this machine has: Next.js's own and one helper. */
function startNextStart() {
  const marker = randomUUID();
  const server = spawn(process.execPath, ['node_modules/next/dist/bin/next', 'start', '--port', String(SHUTDOWN_APP_PORT), '--hostname', '127.0.0.1'], {
    env: {
      ...process.env,
      NEXT_TELEMETRY_DISABLED: '1',
      SECRET_KEY: 'e2e-secret-key-long-enough-for-production-use',
      APP_URL: APP,
      DATABASE_URL: DATABASE,
      MAIL_SERVER: '127.0.0.1',
      MAIL_PORT: String(SHUTDOWN_SMTP_PORT),
      ADMINS: 'admin@microblog.test',
      WEB_CONCURRENCY: '2',
      [PROCESS_MARKER]: marker,
    },
    stdio: 'ignore',
  });
  return { server, marker };
}

/** Waits until `next start` and its helper both take connections; their process ids. */
async function bothServing(pid: number): Promise<number[]> {
  await expect.poll(async () => (await fetch(`${APP}/login`).catch(() => null))?.status ?? 0, { timeout: 60_000 }).toBe(200);
  const processes = () => [pid, ...childrenOf(pid)].sort();
  // Polled: a helper takes no connections until it has started.
  await expect.poll(() => whileConnected(`${APP}/login`, 6, () => processesServing(processes(), SHUTDOWN_APP_PORT).length), { timeout: 60_000 }).toBe(2);
  return processes();
}

test('next start serves from a helper per core, and on SIGTERM every process claims no more mail and puts back, due, what it could not send', async () => {
  test.skip(DEPLOYED, 'it starts and stops a production server of its own, on loopback');
  test.setTimeout(120_000);
  for (const suffix of ['', '-wal', '-shm']) rmSync(`${DATABASE}${suffix}`, { force: true });
  const received: SunkMessage[] = [];
  // A relay that takes a second a message, so the server holds mail when it is told to stop.
  const relay = await startSmtpSink({ port: SHUTDOWN_SMTP_PORT, delayMs: 1_000, onMessage: (message) => received.push(message) });
  const { server, marker } = startNextStart();
  const exited = new Promise<void>((resolve) => server.once('exit', () => resolve()));
  const db = new Database(DATABASE, { timeout: 5_000 });
  try {
    expect(await bothServing(server.pid!)).toHaveLength(2);
    const queue = db.prepare('insert into outbox (message_id, sender, "to", subject, text, next_attempt_at, created_at) values (?, ?, ?, ?, ?, ?, ?)');
    for (let index = 0; index < 60; index += 1) {
      queue.run(`<${randomUUID()}@e2e.test>`, 'admin@microblog.test', JSON.stringify([`held${index}@example.com`]), `Message ${index}`, 'hello', Date.now(), Date.now());
    }
    const rows = () => db.prepare('select message_id, status, attempts from outbox').all() as Row[];
    // The server's own timer starts the drain.
    await expect.poll(() => received.length, { timeout: 30_000 }).toBeGreaterThanOrEqual(6);

    const held = new Set(rows().filter((row) => row.status !== 'pending').map((row) => row.message_id));
    server.kill('SIGTERM');
    await exited;
    expect(processesMarked(marker)).toEqual([]);

    const after = rows();
    expect(after.filter((row) => row.status === 'sending' || row.status === 'failed')).toEqual([]);
    expect(after.filter((row) => row.status === 'sent').every((row) => held.has(row.message_id))).toBe(true);
    expect(after.filter((row) => row.status !== 'sent').every((row) => row.status === 'pending' && row.attempts === 0)).toBe(true);
  } finally {
    db.close();
    for (const leftover of processesMarked(marker)) process.kill(leftover, 'SIGKILL');
    await relay.close();
  }
});

test('a helper that dies is replaced, and next start still stops at once', async () => {
  test.skip(DEPLOYED, 'it starts and stops a production server of its own, on loopback');
  test.setTimeout(120_000);
  for (const suffix of ['', '-wal', '-shm']) rmSync(`${DATABASE}${suffix}`, { force: true });
  const relay = await startSmtpSink({ port: SHUTDOWN_SMTP_PORT });
  const { server, marker } = startNextStart();
  const exited = new Promise<number | null>((resolve) => server.once('exit', (code) => resolve(code)));
  try {
    const [first] = (await bothServing(server.pid!)).filter((pid) => pid !== server.pid);
    process.kill(first!, 'SIGKILL');
    await expect.poll(() => childrenOf(server.pid!).filter((pid) => pid !== first), { timeout: 30_000 }).toHaveLength(1);
    expect(await bothServing(server.pid!)).not.toContain(first);
    const stopping = Date.now();
    server.kill('SIGTERM');
    expect(await exited).toBe(143);
    expect(Date.now() - stopping).toBeLessThan(5_000);
    expect(processesMarked(marker)).toEqual([]);
  } finally {
    for (const leftover of processesMarked(marker)) process.kill(leftover, 'SIGKILL');
    await relay.close();
  }
});
