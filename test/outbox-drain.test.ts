import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { getDb } from '@/lib/db/client';
import { outbox } from '@/lib/db/schema';
import { closeMailTransport, drainOutbox } from '@/lib/mail/drain';
import { sendEmail } from '@/lib/mail';
import { startSmtpSink, type SunkMessage } from '@/scripts/smtp-sink.mjs';

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

beforeEach(() => {
  getDb().delete(outbox).run();
  received.length = 0;
  refusals.clear();
});

// sendEmail also starts a drain of its own; drainOutbox below waits for whatever is left.
const rows = () => getDb().select().from(outbox).all();

describe('outbox drain', () => {
  it('delivers queued mail to a real SMTP server, once each', async () => {
    for (const n of [1, 2, 3]) sendEmail({ to: `user${n}@example.com`, subject: `Hello ${n}`, text: `Body ${n}`, html: `<p>Body ${n}</p>` });
    await drainOutbox();
    await expect.poll(() => rows().every((row) => row.status === 'sent')).toBe(true);
    expect(received.map((message) => message.subject).sort()).toEqual(['Hello 1', 'Hello 2', 'Hello 3']);
    const [first] = received;
    expect(first?.from).toBe('admin@app.test');
    expect(rows().map((row) => row.messageId)).toContain(first?.messageId);
  });

  it('does not send a message whose link has expired', async () => {
    sendEmail({ to: 'late@example.com', subject: 'Too late', text: 'x', expiresAt: new Date(Date.now() - 1000) });
    await drainOutbox();
    await expect.poll(() => rows()[0]?.status).toBe('expired');
    expect(received).toHaveLength(0);
  });

  it('retries a temporary refusal and then delivers', async () => {
    refusals.set('busy@example.com', { code: 421, message: 'Try again later', times: 1 });
    sendEmail({ to: 'busy@example.com', subject: 'Retry me', text: 'x' });
    await expect.poll(() => rows()[0]?.status).toBe('failed');
    expect(rows()[0]?.lastError).toContain('Try again later');
    getDb().update(outbox).set({ nextAttemptAt: new Date() }).run();
    await drainOutbox();
    await expect.poll(() => rows()[0]?.status).toBe('sent');
    expect(received.map((message) => message.subject)).toEqual(['Retry me']);
  });

  it('gives up at once on a permanent refusal and keeps the reason', async () => {
    refusals.set('gone@example.com', { code: 550, message: 'No such user', times: 5 });
    sendEmail({ to: 'gone@example.com', subject: 'Bounce', text: 'x' });
    await expect.poll(() => rows()[0]?.status).toBe('dead');
    expect(rows()[0]?.lastError).toContain('No such user');
    expect(rows()[0]?.attempts).toBe(1);
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
    const { getConfig } = await import('@/lib/config');
    const server = getConfig().mailServer;
    if (!server) throw new Error('expected an SMTP server in the test config');
    const port = server.port;
    // Pointing the cached transport at a closed port is the real fault; no mock.
    const { createSmtpTransport } = await import('@/lib/mail/transport');
    const globalForMail = globalThis as unknown as { microblogTransport?: ReturnType<typeof createSmtpTransport> };
    const working = globalForMail.microblogTransport;
    globalForMail.microblogTransport = createSmtpTransport({ ...server, port: downPort });
    try {
      sendEmail({ to: 'patient@example.com', subject: 'Wait for me', text: 'x' });
      await expect.poll(() => rows()[0]?.status).toBe('failed');
      expect(rows()[0]?.lastError).toMatch(/ECONNREFUSED|connect/i);
    } finally {
      globalForMail.microblogTransport?.close();
      globalForMail.microblogTransport = working;
    }
    expect(port).toBe(sink.port);
    getDb().update(outbox).set({ nextAttemptAt: new Date() }).run();
    await drainOutbox();
    await expect.poll(() => rows()[0]?.status).toBe('sent');
    expect(received.map((message) => message.subject)).toEqual(['Wait for me']);
  });
});
