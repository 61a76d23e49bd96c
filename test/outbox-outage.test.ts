import { createServer } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requestPasswordReset } from '@/lib/auth/password-reset';
import { createUser } from '@/lib/db/users';
import { closeMailTransport, drainOutbox, getMailTransport } from '@/lib/mail';
import { startSmtpSink, type SunkMessage } from '@/scripts/smtp-sink.mjs';
import { makeOutboxDue, outboxRows } from './support/outbox-fixtures';

let port = 0;
let sink: Awaited<ReturnType<typeof startSmtpSink>> | undefined;
const received: SunkMessage[] = [];

beforeAll(async () => {
  // A port nothing listens on yet: the SMTP server is down for real.
  port = await new Promise<number>((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
  process.env.MAIL_SERVER = '127.0.0.1';
  process.env.MAIL_PORT = String(port);
});

afterAll(async () => {
  closeMailTransport();
  await sink?.close();
});

const rows = outboxRows;

describe('an SMTP outage', () => {
  it('loses no reset email: 20 asked while SMTP is down all arrive, once each, when it is back', async () => {
    const emails = Array.from({ length: 20 }, (_, index) => `outage${index}@example.com`);
    for (const [index, email] of emails.entries()) {
      await createUser({ username: `outage${index}`, email, passwordHash: `scrypt$N=2,r=1,p=1$c2FsdA$${index}` });
      await requestPasswordReset(email, `192.0.2.${index}`);
    }
    await expect.poll(async () => (await rows()).filter((row) => row.status === 'failed').length, { timeout: 15_000 }).toBe(20);
    expect((await rows())[0]?.lastError).toMatch(/ECONNREFUSED/);

    sink = await startSmtpSink({ port, onMessage: (message) => received.push(message) });
    await makeOutboxDue();
    await drainOutbox(getMailTransport());

    await expect.poll(async () => (await rows()).every((row) => row.status === 'sent')).toBe(true);
    expect(received.map((message) => message.to[0]).sort()).toEqual([...emails].sort());
    expect(new Set(received.map((message) => message.messageId)).size).toBe(20);
  });
});
