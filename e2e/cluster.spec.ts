import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { rmSync } from 'node:fs';
import Database from 'better-sqlite3';
import { request as apiRequest } from '@playwright/test';
import { startSmtpSink, type SunkMessage } from '../scripts/smtp-sink.mjs';
import { expect, newClientContext, randomClientAddress, RESET_SUBJECT, test } from './fixtures';
import { formPoster } from './http/form-post';
import { chooseNewPassword, register, requestReset, signIn } from './pages/auth';
import { CLUSTER_APP_PORT, CLUSTER_SMTP_PORT } from './ports';
import { childrenOf, PROCESS_MARKER, processesMarked, processesServing, whileConnected } from './processes';
import { DEPLOYED } from './server';

// `npm start` as production runs it: scripts/start.mjs and its workers, on a port of their own.
const DATABASE = 'test-results/cluster.db';
const APP = `http://127.0.0.1:${CLUSTER_APP_PORT}`;
const WORKERS = 2;

// Both tests use the one port: one after the other, and the second runs whatever became of the first.
test.describe.configure({ mode: 'default' });

type Started = { primary: ChildProcess; marker: string; stderr: () => string; exited: Promise<number | null> };

/** Starts `node scripts/start.mjs`; every process it starts carries `marker` in its environment, so none can hide. */
function startCluster(env: Record<string, string>): Started {
  const marker = randomUUID();
  const primary = spawn(process.execPath, ['scripts/start.mjs', '--port', String(CLUSTER_APP_PORT), '--hostname', '127.0.0.1'], {
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1', WEB_CONCURRENCY: String(WORKERS), [PROCESS_MARKER]: marker, ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  primary.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => primary.once('exit', (code) => resolve(code)));
  return { primary, marker, stderr: () => stderr, exited };
}

test('npm start serves on every worker, shares sessions, limits and mail, and stops them all on SIGTERM', async ({ browser, user }) => {
  test.skip(DEPLOYED, 'it starts a cluster of production servers of its own, on loopback');
  test.setTimeout(180_000);
  for (const suffix of ['', '-wal', '-shm']) rmSync(`${DATABASE}${suffix}`, { force: true });
  const received: SunkMessage[] = [];
  // A relay that takes half a second a message, so the workers still hold mail when told to stop.
  const relay = await startSmtpSink({ port: CLUSTER_SMTP_PORT, delayMs: 500, onMessage: (message) => received.push(message) });
  const cluster = startCluster({
    SECRET_KEY: 'e2e-secret-key-long-enough-for-production-use',
    APP_URL: APP,
    DATABASE_URL: DATABASE,
    MAIL_SERVER: '127.0.0.1',
    MAIL_PORT: String(CLUSTER_SMTP_PORT),
    ADMINS: 'admin@microblog.test',
    TRUST_PROXY: '1',
    GRAVATAR_URL: 'off',
  });
  const pid = cluster.primary.pid!;
  try {
    await expect.poll(async () => (await fetch(`${APP}/login`).catch(() => null))?.status ?? 0, { timeout: 90_000 }).toBe(200);
    const workers = childrenOf(pid);
    expect(workers).toHaveLength(WORKERS);

    await test.step('connections are shared out among the workers', async () => {
      // Polled: a worker still starting takes no connections yet.
      await expect.poll(() => whileConnected(`${APP}/login`, 6, () => processesServing(workers, CLUSTER_APP_PORT).sort()), { timeout: 60_000 }).toEqual([...workers].sort());
    });

    await test.step('a password reset goes through, its mail sent once', async () => {
      const page = await (await newClientContext(browser, { baseURL: APP })).newPage();
      await register(page, user);
      await requestReset(page, user.email);
      const resets = () => received.filter((message) => message.to.includes(user.email) && message.subject === RESET_SUBJECT);
      await expect.poll(() => resets().length, { timeout: 15_000 }).toBeGreaterThan(0);
      await page.goto(resets()[0]!.text.match(/https?:\/\/\S+\/reset\/[\w.-]+/)![0]);
      await chooseNewPassword(page, 'a new password for every worker');
      await expect(page.getByText('Your password has been reset.')).toBeVisible();
      await signIn(page, user.username, 'a new password for every worker');
      // Every worker's drain timer (5 s) has come round since: none sent it again.
      await page.waitForTimeout(6_000);
      expect(resets()).toHaveLength(1);
      await page.context().close();
    });

    await test.step('sign-in guesses counted by one worker hold on the others', async () => {
      // A connection a request, so the cluster hands them round the workers.
      const guesser = await apiRequest.newContext({ baseURL: APP, extraHTTPHeaders: { connection: 'close' } });
      const guess = await formPoster(guesser, '/login', 'username');
      for (let tries = 0; tries < 6; tries++) await guess({ username: user.username, password: `wrong guess ${tries}` }, { 'x-forwarded-for': randomClientAddress() });
      const answer = await guess({ username: user.username, password: 'a new password for every worker' }, { 'x-forwarded-for': randomClientAddress() });
      expect(await answer.text()).toContain('Too many sign-in attempts. Please wait a minute and try again.');
      await guesser.dispose();
    });

    await test.step('SIGTERM stops every worker, and the mail they held is sent or put back', async () => {
      const db = new Database(DATABASE, { timeout: 5_000 });
      try {
        const ids = Array.from({ length: 60 }, () => `<${randomUUID()}@e2e.test>`);
        const queue = db.prepare('insert into outbox (message_id, sender, "to", subject, text, next_attempt_at, created_at) values (?, ?, ?, ?, ?, ?, ?)');
        ids.forEach((id, index) => queue.run(id, 'admin@microblog.test', JSON.stringify([`held${index}@example.com`]), `Held ${index}`, 'hello', Date.now(), Date.now()));
        type Row = { message_id: string; status: string; attempts: number };
        const rows = () => (db.prepare('select message_id, status, attempts from outbox').all() as Row[]).filter((row) => ids.includes(row.message_id));
        // The workers' own timers start the drain.
        await expect.poll(() => received.filter((message) => ids.includes(message.messageId)).length, { timeout: 30_000 }).toBeGreaterThanOrEqual(4);

        const held = new Set(rows().filter((row) => row.status !== 'pending').map((row) => row.message_id));
        expect(processesMarked(cluster.marker).sort()).toEqual([pid, ...workers].sort());
        cluster.primary.kill('SIGTERM');
        expect(await cluster.exited).toBe(0);
        expect(processesMarked(cluster.marker)).toEqual([]);

        const after = rows();
        const relayed = new Set(received.map((message) => message.messageId));
        expect(after.filter((row) => row.status === 'sending' || row.status === 'failed')).toEqual([]);
        expect(after.filter((row) => row.status === 'sent').every((row) => held.has(row.message_id) && relayed.has(row.message_id))).toBe(true);
        expect(after.filter((row) => row.status !== 'sent').every((row) => row.status === 'pending' && row.attempts === 0)).toBe(true);
      } finally {
        db.close();
      }
    });
  } finally {
    for (const leftover of processesMarked(cluster.marker)) process.kill(leftover, 'SIGKILL');
    await relay.close();
  }
});

test('a worker refused by its settings stops the whole cluster with exit code 1, and no worker is replaced', async () => {
  test.skip(DEPLOYED, 'it starts a production server of its own, on loopback');
  test.setTimeout(90_000);
  // Production without SECRET_KEY: every worker refuses to start.
  const cluster = startCluster({ NODE_ENV: 'production', SECRET_KEY: '', AUTH_SECRET: '', APP_URL: APP, DATABASE_URL: 'test-results/cluster-refused.db', MAIL_SERVER: '127.0.0.1' });
  try {
    expect(await cluster.exited).toBe(1);
    expect(cluster.stderr()).toContain('Microblog cannot start: invalid configuration');
    expect(cluster.stderr()).toContain('SECRET_KEY: required in production');
    expect(cluster.stderr().match(/a worker could not start/g)).toHaveLength(1);
    expect(processesMarked(cluster.marker)).toEqual([]);
  } finally {
    for (const leftover of processesMarked(cluster.marker)) process.kill(leftover, 'SIGKILL');
  }
});
