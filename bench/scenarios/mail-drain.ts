// Runs in its own process (see bench/run.ts) with its own database and SMTP sink, so
// no web server's drainer competes for the outbox. Prints its rows as JSON.
import { randomUUID } from 'node:crypto';
import { closeMailTransport, createSmtpTransport, drainOutbox, getMailTransport } from '@/lib/mail';
import { closeDb } from '@/lib/db/client';
import { enqueueEmail } from '@/lib/db/outbox';
import { getConfig } from '@/lib/config';
import type { Row } from '../lib/report';
import { round } from '../lib/stats';

const MESSAGES = 2000;
// Nagle's 40 ms per message makes 2,000 take over a minute; 200 give the same rate.
const DEFAULT_POOL_MESSAGES = 200;

const message = (index: number) => ({
  from: 'bench@microblog.test',
  to: [`reader${index}@example.com`],
  subject: `[Microblog] Reset Your Password`,
  text: `Dear reader${index},\n\nTo reset your password click on the following link:\n\nhttp://127.0.0.1/reset/${'x'.repeat(220)}\n`,
  html: `<p>Dear reader${index},</p><p><a href="http://127.0.0.1/reset/${'x'.repeat(220)}">Reset your password</a></p>`,
});

async function sendDirect(count: number, noDelay: boolean): Promise<number> {
  const server = getConfig().mailServer;
  if (!server) throw new Error('MAIL_SERVER must be set');
  const transport = createSmtpTransport(server, { noDelay });
  await transport.sendMail({ ...message(-1) });
  const start = performance.now();
  await Promise.all(Array.from({ length: count }, (_, index) => transport.sendMail({ ...message(index), messageId: `<${randomUUID()}@bench>` })));
  const seconds = (performance.now() - start) / 1000;
  transport.close();
  return count / seconds;
}

async function enqueue(count: number): Promise<void> {
  const now = new Date();
  for (let index = 0; index < count; index += 1) {
    const { from, to, subject, text, html } = message(index);
    await enqueueEmail({ messageId: `<${randomUUID()}@bench>`, sender: from, to, subject, text, html, nextAttemptAt: now, createdAt: now });
  }
}

async function drainThroughOutbox(count: number): Promise<number> {
  // One message first, so the connection is open and the timing is of sending alone.
  await enqueue(1);
  await drainOutbox(getMailTransport());
  await enqueue(count);
  const start = performance.now();
  const report = await drainOutbox(getMailTransport());
  const seconds = (performance.now() - start) / 1000;
  closeMailTransport();
  if (report.sent !== count) throw new Error(`expected ${count} sent, got ${JSON.stringify(report)}`);
  return report.sent / seconds;
}

const outbox = await drainThroughOutbox(MESSAGES);
const directNoDelay = await sendDirect(MESSAGES, true);
const directDefault = await sendDirect(DEFAULT_POOL_MESSAGES, false);

const rows: Row[] = [
  { scenario: 'mail drain', metric: 'outbox → SMTP (ours, TCP_NODELAY)', value: round(outbox, 0), unit: 'msg/s', target: '≥ 600', met: outbox >= 600 },
  { scenario: 'mail drain', metric: 'direct pool, TCP_NODELAY', value: round(directNoDelay, 0), unit: 'msg/s' },
  { scenario: 'mail drain', metric: `direct pool, nodemailer default (${DEFAULT_POOL_MESSAGES} msgs)`, value: round(directDefault, 0), unit: 'msg/s' },
  {
    scenario: 'mail drain',
    metric: 'outbox / direct (same socket settings)',
    value: round(outbox / directNoDelay, 2),
    unit: 'ratio',
    target: '≥ 0.5',
    met: outbox / directNoDelay >= 0.5,
  },
  { scenario: 'mail drain', metric: 'outbox / nodemailer default', value: round(outbox / directDefault, 1), unit: 'ratio' },
];
console.log(JSON.stringify(rows));
// A Postgres pool would keep the process alive until its idle connections time out.
await closeDb();
