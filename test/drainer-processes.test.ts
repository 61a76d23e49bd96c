import { spawn, type ChildProcess } from 'node:child_process';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { getConfig } from '@/lib/config';
import { startSmtpSink, type SunkMessage } from '@/scripts/smtp-sink.mjs';
import { emptyOutbox, outboxRows, queueMessages } from './support/outbox-fixtures';

// Fault tests: real drainer processes (`npm run drain`), a real SMTP relay on loopback,
// and real crashes, stops and slow replies. Messages are counted by Message-ID at the relay.
const received: SunkMessage[] = [];
let sink: Awaited<ReturnType<typeof startSmtpSink>> | undefined;
type Drainer = ChildProcess & { sent: number };
const drainers: Drainer[] = [];

/** A relay that takes `delayMs` to answer each message: it has the message before it answers. */
async function startRelay(delayMs: number, onMessage: (message: SunkMessage) => void = () => undefined, port = 0) {
  sink = await startSmtpSink({
    port,
    delayMs,
    onMessage: (message) => {
      received.push(message);
      onMessage(message);
    },
  });
  return sink.port;
}

beforeEach(async () => {
  await emptyOutbox();
  received.length = 0;
});

afterEach(async () => {
  for (const drainer of drainers.splice(0)) if (drainer.exitCode === null && drainer.signalCode === null) drainer.kill('SIGKILL');
  await sink?.close();
  sink = undefined;
});

function startDrainer(port: number, ...args: string[]): Drainer {
  // tsx as a loader, not as a launcher: its launcher runs the script in a child, and
  // signals must reach the process that holds the rows.
  const drainer = spawn(
    process.execPath,
    ['--import', 'tsx', '--conditions=react-server', 'scripts/drain-outbox.ts', '--interval-ms', '200', ...args],
    {
      env: { ...process.env, NODE_ENV: 'test', MAIL_SERVER: '127.0.0.1', MAIL_PORT: String(port) },
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  // Each pass that did something prints its report, e.g. {"sent":50,...}: what this process sent.
  const counted = Object.assign(drainer, { sent: 0 });
  drainer.stdout.setEncoding('utf8');
  drainer.stdout.on('data', (chunk: string) => {
    for (const line of chunk.split('\n')) if (line.startsWith('{')) counted.sent += (JSON.parse(line) as { sent: number }).sent;
  });
  drainers.push(counted);
  return counted;
}

const exited = (drainer: ChildProcess) =>
  drainer.exitCode !== null || drainer.signalCode !== null ? Promise.resolve() : new Promise((resolve) => drainer.once('exit', resolve));
const rows = outboxRows;
const statuses = async () => (await rows()).map((row) => row.status);
const allSent = async () => (await statuses()).every((status) => status === 'sent');
const uniqueIds = () => new Set(received.map((message) => message.messageId));
/** Message-IDs the relay received more than once. */
function duplicated(): string[] {
  const seen = new Map<string, number>();
  for (const message of received) seen.set(message.messageId, (seen.get(message.messageId) ?? 0) + 1);
  return [...seen].filter(([, count]) => count > 1).map(([id]) => id);
}
/** Every copy of a message is the same message: same Message-ID, same Date, same body. */
function expectCopiesIdentical(): void {
  for (const id of duplicated()) {
    const copies = received.filter((message) => message.messageId === id);
    expect(new Set(copies.map((copy) => `${copy.headers.date}|${copy.subject}|${copy.text}`)).size).toBe(1);
  }
}

describe(`drainer processes on ${getConfig().database.kind}`, () => {
  it('delivers every message after a drainer is killed with SIGKILL mid-batch', async () => {
    const port = await startRelay(5);
    const ids = await queueMessages(200, 'crash');
    const first = startDrainer(port, '--lease-ms', '2000');
    await expect.poll(() => received.length, { timeout: 15_000 }).toBeGreaterThanOrEqual(20);
    first.kill('SIGKILL');
    await exited(first);
    expect(uniqueIds().size).toBeLessThan(200);
    expect(await statuses()).toContain('sending');

    startDrainer(port, '--lease-ms', '2000');
    await expect.poll(allSent, { timeout: 30_000 }).toBe(true);
    expect([...uniqueIds()].sort()).toEqual([...ids].sort());
    expectCopiesIdentical();
  });

  it('sends every message exactly once with two drainers on one database', async () => {
    const port = await startRelay(0);
    const ids = await queueMessages(300, 'pair');
    startDrainer(port);
    startDrainer(port);
    await expect.poll(allSent, { timeout: 30_000 }).toBe(true);
    expect(received).toHaveLength(300);
    expect([...uniqueIds()].sort()).toEqual([...ids].sort());
  });

  it('sends each of 2,000 messages exactly once with four drainers on one outbox', async () => {
    const port = await startRelay(0);
    const ids = await queueMessages(2_000, 'four');
    const four = Array.from({ length: 4 }, () => startDrainer(port, '--batch-size', '50'));
    await expect.poll(allSent, { timeout: 60_000, interval: 250 }).toBe(true);
    // Counted at the relay by Message-ID: a message sent twice arrives twice.
    expect(received).toHaveLength(2_000);
    expect([...uniqueIds()].sort()).toEqual([...ids].sort());
    // And they really shared the work, rather than one finishing before the others began.
    await expect.poll(() => four.reduce((total, drainer) => total + drainer.sent, 0)).toBe(2_000);
    expect(four.filter((drainer) => drainer.sent > 0).length).toBeGreaterThan(1);
  }, 90_000);

  it('sends every message exactly once with two drainers and a relay taking 1 s a message', async () => {
    const port = await startRelay(1_000);
    const ids = await queueMessages(24, 'slow');
    // A lease far shorter than a batch takes at this pace: only renewal keeps a claim ours.
    startDrainer(port, '--lease-ms', '2000');
    startDrainer(port, '--lease-ms', '2000');
    await expect.poll(allSent, { timeout: 30_000 }).toBe(true);
    expect(duplicated()).toEqual([]);
    expect([...uniqueIds()].sort()).toEqual([...ids].sort());
  });

  it('on SIGTERM claims nothing more and finishes the messages it holds', async () => {
    const port = await startRelay(400);
    const ids = await queueMessages(60, 'term');
    const drainer = startDrainer(port, '--batch-size', '6', '--grace-ms', '10000');
    await expect.poll(() => received.length, { timeout: 10_000 }).toBeGreaterThanOrEqual(6);
    const held = new Set((await rows()).filter((row) => row.status !== 'pending').map((row) => row.messageId));
    drainer.kill('SIGTERM');
    await exited(drainer);

    expect(drainer.exitCode).toBe(0);
    const after = await rows();
    expect(after.filter((row) => row.status === 'sent').map((row) => row.messageId).sort()).toEqual([...held].sort());
    expect(after.filter((row) => !held.has(row.messageId)).every((row) => row.status === 'pending' && row.attempts === 0)).toBe(true);

    startDrainer(port);
    await expect.poll(allSent, { timeout: 30_000 }).toBe(true);
    expect(duplicated()).toEqual([]);
    expect([...uniqueIds()].sort()).toEqual([...ids].sort());
  });

  it('on SIGTERM, past its grace period, puts back what it could not send: due, not failed, attempts unchanged', async () => {
    const port = await startRelay(3_000);
    const ids = await queueMessages(20, 'grace');
    const drainer = startDrainer(port, '--grace-ms', '300');
    // Three messages are at the relay, waiting for its answer; the rest of the batch waits its turn.
    await expect.poll(() => received.length, { timeout: 10_000 }).toBe(3);
    drainer.kill('SIGTERM');
    await exited(drainer);

    expect(drainer.exitCode).toBe(0);
    expect((await rows()).map((row) => [row.status, row.attempts])).toEqual(ids.map(() => ['pending', 0]));

    // The relay recovers its pace, and another drainer sends everything.
    await sink?.close();
    await startRelay(0, undefined, port);
    startDrainer(port);
    await expect.poll(allSent, { timeout: 30_000 }).toBe(true);
    expect([...uniqueIds()].sort()).toEqual([...ids].sort());
    // At least once: what the relay had taken when the drainer stopped may come again, as the same message.
    expect(duplicated().length).toBeLessThanOrEqual(3);
    expectCopiesIdentical();
  });

  it('sends a message a second time, as the same message, when killed between the relay’s reply and its record', async () => {
    const crashing: { drainer?: ChildProcess } = {};
    // The relay has the message and is about to answer: the moment to crash.
    const port = await startRelay(1_000, () => {
      if (received.length === 1) crashing.drainer?.kill('SIGKILL');
    });
    const ids = await queueMessages(1, 'twice');
    const drainer = startDrainer(port, '--lease-ms', '1000');
    crashing.drainer = drainer;
    await expect.poll(() => received.length, { timeout: 10_000 }).toBe(1);
    await exited(drainer);
    expect(await statuses()).toEqual(['sending']);

    startDrainer(port, '--lease-ms', '1000');
    await expect.poll(allSent, { timeout: 15_000 }).toBe(true);
    expect(received.map((message) => message.messageId)).toEqual([ids[0], ids[0]]);
    expectCopiesIdentical();
  });
});
