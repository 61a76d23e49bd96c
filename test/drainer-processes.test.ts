import { spawn, type ChildProcess } from 'node:child_process';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { getDb } from '@/lib/db/client';
import { outbox } from '@/lib/db/schema';
import { startSmtpSink, type SunkMessage } from '@/scripts/smtp-sink.mjs';
import { queueMessages } from './support/outbox-fixtures';

const received: SunkMessage[] = [];
let sink: Awaited<ReturnType<typeof startSmtpSink>>;
const drainers: ChildProcess[] = [];

beforeAll(async () => {
  // A few milliseconds per message, so a batch is still in flight when a drainer is killed.
  sink = await startSmtpSink({ port: 0, delayMs: 5, onMessage: (message) => received.push(message) });
});

afterAll(() => sink.close());

beforeEach(() => {
  getDb().delete(outbox).run();
  received.length = 0;
});

afterEach(() => {
  for (const drainer of drainers.splice(0)) if (drainer.exitCode === null) drainer.kill('SIGKILL');
});

function startDrainer(...args: string[]): ChildProcess {
  // tsx as a loader, not as a launcher: its launcher runs the script in a child, and
  // SIGKILL must reach the process that holds the rows.
  const drainer = spawn(
    process.execPath,
    ['--import', 'tsx', '--conditions=react-server', 'scripts/drain-outbox.ts', '--interval-ms', '200', ...args],
    {
      env: { ...process.env, NODE_ENV: 'test', MAIL_SERVER: '127.0.0.1', MAIL_PORT: String(sink.port) },
      stdio: ['ignore', 'ignore', 'inherit'],
    },
  );
  drainers.push(drainer);
  return drainer;
}

const statuses = () => getDb().select({ status: outbox.status }).from(outbox).all().map((row) => row.status);
const uniqueIds = () => new Set(received.map((message) => message.messageId));

describe('drainer processes', () => {
  it('delivers every message after a drainer is killed with SIGKILL mid-batch', async () => {
    const ids = queueMessages(200, 'crash');
    const first = startDrainer('--lease-ms', '2000', '--batch-size', '50');
    await expect.poll(() => received.length, { timeout: 15_000 }).toBeGreaterThanOrEqual(20);
    first.kill('SIGKILL');
    await new Promise((resolve) => first.once('exit', resolve));
    expect(uniqueIds().size).toBeLessThan(200);
    expect(statuses()).toContain('sending');

    startDrainer('--lease-ms', '2000', '--batch-size', '50');
    await expect.poll(() => statuses().every((status) => status === 'sent'), { timeout: 30_000 }).toBe(true);
    expect([...uniqueIds()].sort()).toEqual([...ids].sort());
  });

  it('sends every message exactly once with two drainers on one database', async () => {
    const ids = queueMessages(300, 'pair');
    startDrainer('--batch-size', '20');
    startDrainer('--batch-size', '20');
    await expect.poll(() => statuses().every((status) => status === 'sent'), { timeout: 30_000 }).toBe(true);
    expect(received).toHaveLength(300);
    expect([...uniqueIds()].sort()).toEqual([...ids].sort());
  });
});
