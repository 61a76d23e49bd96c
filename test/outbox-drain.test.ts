import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { closeMailTransport, createSmtpTransport, drainOutbox, getMailTransport, sendEmail } from '@/lib/mail';
import { startSmtpSink, type SunkMessage } from '@/scripts/smtp-sink.mjs';
import { emptyOutbox, makeOutboxDue, outboxRows, queueMessages } from './support/outbox-fixtures';

const received: SunkMessage[] = [];
let sink: Awaited<ReturnType<typeof startSmtpSink>>;
// What the SMTP server answers to RCPT TO for an address, so tests can make real refusals.
const refusals = new Map<string, { code: number; message: string; times: number }>();

beforeAll(async () => {
  sink = await startSmtpSink({
    port: 0,
    onMessage: (message) => received.push(message),
    onRcptTo(address, _session, callback) {
      const refusal = refusals.get(address.address);
      if (refusal && refusal.times > 0) {
        refusal.times -= 1;
        return callback(Object.assign(new Error(refusal.message), { responseCode: refusal.code }));
      }
      callback();
    },
  });
  process.env.MAIL_SERVER = '127.0.0.1';
  process.env.MAIL_PORT = String(sink.port);
});

afterAll(async () => {
  closeMailTransport();
  await sink.close();
});

beforeEach(async () => {
  await emptyOutbox();
  received.length = 0;
  refusals.clear();
});

// sendEmail also starts a drain of its own; drainOutbox below waits for whatever is left.
const rows = outboxRows;

describe('outbox drain', () => {
  it('delivers queued mail to a real SMTP server, once each', async () => {
    for (const n of [1, 2, 3]) await sendEmail({ to: `user${n}@example.com`, subject: `Hello ${n}`, text: `Body ${n}`, html: `<p>Body ${n}</p>` });
    await drainOutbox(getMailTransport());
    await expect.poll(async () => (await rows()).every((row) => row.status === 'sent')).toBe(true);
    expect(received.map((message) => message.subject).sort()).toEqual(['Hello 1', 'Hello 2', 'Hello 3']);
    const [first] = received;
    expect(first?.from).toBe('admin@app.test');
    expect((await rows()).map((row) => row.messageId)).toContain(first?.messageId);
  });

  it('does not send a message whose link has expired', async () => {
    await sendEmail({ to: 'late@example.com', subject: 'Too late', text: 'x', expiresAt: new Date(Date.now() - 1000) });
    await drainOutbox(getMailTransport());
    await expect.poll(async () => (await rows())[0]?.status).toBe('expired');
    expect(received).toHaveLength(0);
  });

  it('retries a temporary refusal and then delivers', async () => {
    refusals.set('busy@example.com', { code: 421, message: 'Try again later', times: 1 });
    await sendEmail({ to: 'busy@example.com', subject: 'Retry me', text: 'x' });
    await expect.poll(async () => (await rows())[0]?.status).toBe('failed');
    expect((await rows())[0]?.lastError).toContain('Try again later');
    await makeOutboxDue();
    await drainOutbox(getMailTransport());
    await expect.poll(async () => (await rows())[0]?.status).toBe('sent');
    expect(received.map((message) => message.subject)).toEqual(['Retry me']);
  });

  it('gives up at once on a permanent refusal and keeps the reason', async () => {
    refusals.set('gone@example.com', { code: 550, message: 'No such user', times: 5 });
    await sendEmail({ to: 'gone@example.com', subject: 'Bounce', text: 'x' });
    await expect.poll(async () => (await rows())[0]?.status).toBe('dead');
    expect((await rows())[0]?.lastError).toContain('No such user');
    expect((await rows())[0]?.attempts).toBe(1);
  });

  it('keeps mail when the SMTP server is down, for a later attempt', async () => {
    const downPort = await new Promise<number>((resolve) => {
      const probe = new SMTPServer({ logger: false });
      probe.listen(0, '127.0.0.1', () => {
        const address = probe.server.address();
        probe.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
      });
    });
    expect(downPort).toBeGreaterThan(0);
    // Queued without a drain of its own, then drained over a transport to a closed port: the real fault, no mock.
    const [messageId] = await queueMessages(1, 'patient');
    const down = createSmtpTransport({ host: '127.0.0.1', port: downPort, useTls: false });
    try {
      expect(await drainOutbox(down)).toEqual({ sent: 0, retried: 1, dead: 0, expired: 0 });
    } finally {
      down.close();
    }
    expect((await rows())[0]?.status).toBe('failed');
    expect((await rows())[0]?.lastError).toMatch(/ECONNREFUSED|connect/i);

    await makeOutboxDue();
    await drainOutbox(getMailTransport());
    await expect.poll(async () => (await rows())[0]?.status).toBe('sent');
    expect(received.map((message) => message.messageId)).toEqual([messageId]);
  });

  it('sends each message with the Message-ID and Date it was queued with, whatever the attempt', async () => {
    refusals.set('patient0@example.com', { code: 421, message: 'Try again later', times: 1 });
    const [messageId] = await queueMessages(1, 'patient');
    await drainOutbox(getMailTransport());
    await makeOutboxDue();
    await drainOutbox(getMailTransport());
    const [row] = await rows();
    expect(row?.attempts).toBe(2);
    expect(received.map((message) => message.messageId)).toEqual([messageId]);
    expect(new Date(received[0]?.headers.date ?? '').getTime()).toBe(Math.floor((row?.createdAt.getTime() ?? 0) / 1000) * 1000);
  });
});
