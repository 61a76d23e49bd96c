// Runs in its own process (see bench/run.ts) with its own database and an SMTP sink that
// takes 50 ms a message. 1,000 error mails to the admins are queued and draining when a
// user asks for a reset link: how long does the link wait? Prints its rows as JSON.
import { setTimeout as sleep } from 'node:timers/promises';
import { findLatestEmailTo } from '@/lib/db/outbox';
import { sendEmail, stopDraining } from '@/lib/mail';
import type { Row } from '../lib/report';
import { round } from '../lib/stats';

const FLOOD = 1_000;
const RESET_LIFE_MS = 10 * 60_000;

async function sentAfter(address: string, timeoutMs: number): Promise<number> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const row = await findLatestEmailTo(address);
    if (row?.sentAt) return (row.sentAt.getTime() - row.createdAt.getTime()) / 1000;
    if (row && row.status !== 'pending' && row.status !== 'sending' && row.status !== 'failed') throw new Error(`${address}: ${row.status}`);
    if (Date.now() > deadline) throw new Error(`${address} was not sent within ${timeoutMs} ms`);
    await sleep(20);
  }
}

const floodStarted = performance.now();
for (let index = 0; index < FLOOD; index += 1) {
  await sendEmail({ to: 'admin@microblog.test', subject: 'Microblog Failure', text: `Error ${index}`, audience: 'admin' });
}
// The flood is on its way when the user asks.
await sleep(1_000);
await sendEmail({ to: 'reader@example.com', subject: '[Microblog] Reset Your Password', text: 'link', expiresAt: new Date(Date.now() + RESET_LIFE_MS) });
// The same mail as every mail was before priorities: behind whatever came first.
await sendEmail({ to: 'fifo@example.com', subject: '[Microblog] Reset Your Password', text: 'link', audience: 'admin' });

const reset = await sentAfter('reader@example.com', RESET_LIFE_MS);
const fifo = await sentAfter('fifo@example.com', RESET_LIFE_MS);
const floodSeconds = (performance.now() - floodStarted) / 1000;
await stopDraining({ graceMs: 0 });

const rows: Row[] = [
  {
    scenario: 'reset mail behind a flood',
    metric: `reset mail queued behind ${FLOOD.toLocaleString('en')} admin mails, relay 50 ms/msg`,
    value: round(reset, 2),
    unit: 's',
    target: '≤ 2',
    met: reset <= 2,
  },
  { scenario: 'reset mail behind a flood', metric: 'the same mail with no priority (first in, first out, as before)', value: round(fifo, 1), unit: 's' },
  { scenario: 'reset mail behind a flood', metric: 'whole flood drained', value: round(floodSeconds, 1), unit: 's' },
];
console.log(JSON.stringify(rows));
