import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { claimDueEmails } from '@/lib/db/outbox';
import { sendEmail, stopDraining } from '@/lib/mail';
import { startSmtpSink, type SunkMessage } from '@/scripts/smtp-sink.mjs';
import { emptyOutbox, outboxRows, queueMessages } from './support/outbox-fixtures';

const RELAY_DELAY_MS = 100;
const received: SunkMessage[] = [];
let sink: Awaited<ReturnType<typeof startSmtpSink>>;

beforeAll(async () => {
  // A slow relay, as in the incident: each message takes a while, so a queue builds up.
  sink = await startSmtpSink({ port: 0, delayMs: RELAY_DELAY_MS, onMessage: (message) => received.push(message) });
  process.env.MAIL_SERVER = '127.0.0.1';
  process.env.MAIL_PORT = String(sink.port);
});

afterAll(async () => {
  await stopDraining({ graceMs: 0 });
  await sink.close();
});

const statusOf = async (to: string) => (await outboxRows()).find((row) => row.to.includes(to))?.status;

describe('outbox order', () => {
  it('claims users’ mail before admins’ mail queued earlier, the soonest to expire first', async () => {
    const soon = new Date(Date.now() + 60_000);
    const later = new Date(Date.now() + 120_000);
    await queueMessages(3, 'admin', { priority: 1 });
    await queueMessages(1, 'notice');
    await queueMessages(1, 'later', { expiresAt: later });
    await queueMessages(1, 'soon', { expiresAt: soon });
    const claimed = await claimDueEmails(new Date(), 6, 60_000, 'order-test');
    expect(claimed.map((row) => row.to[0])).toEqual([
      'soon0@example.com',
      'later0@example.com',
      'notice0@example.com',
      'admin0@example.com',
      'admin1@example.com',
      'admin2@example.com',
    ]);
    await emptyOutbox();
  });

  it('delivers a reset mail within its life while a flood of admin mail drains over a slow relay', async () => {
    // 600 admin mails take 20 s at 3 connections and 100 ms a message; the reset mail lives 5 s
    // (long enough for a busy CI machine, far shorter than the flood it must not wait behind).
    for (let index = 0; index < 600; index += 1) {
      await sendEmail({ to: `admin${index}@example.com`, subject: 'Microblog Failure', text: `failure ${index}`, audience: 'admin' });
    }
    await expect.poll(() => received.length, { timeout: 10_000 }).toBeGreaterThanOrEqual(10);
    const queuedAt = Date.now();
    await sendEmail({ to: 'victim@example.com', subject: '[Microblog] Reset Your Password', text: 'link', expiresAt: new Date(queuedAt + 5_000) });
    await expect.poll(() => statusOf('victim@example.com'), { timeout: 10_000 }).not.toBe('pending');
    await expect.poll(() => statusOf('victim@example.com'), { timeout: 10_000 }).not.toBe('sending');
    expect(await statusOf('victim@example.com')).toBe('sent');
    expect(received.findIndex((message) => message.to.includes('victim@example.com'))).toBeLessThan(40);
  });
});
