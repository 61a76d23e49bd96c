import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startSmtpSink, type SunkMessage } from '@/scripts/smtp-sink.mjs';
import { outboxRows, queueMessages } from './support/outbox-fixtures';

type MailModule = typeof import('@/lib/mail');

const received: SunkMessage[] = [];
let sink: Awaited<ReturnType<typeof startSmtpSink>>;

beforeAll(async () => {
  sink = await startSmtpSink({ port: 0, delayMs: 20, onMessage: (message) => received.push(message) });
  process.env.MAIL_SERVER = '127.0.0.1';
  process.env.MAIL_PORT = String(sink.port);
});

afterAll(() => sink.close());

/** A fresh copy of lib/mail and everything it imports, as Next.js bundles one per entry (instrumentation, pages, route handlers). */
async function bundledCopy(): Promise<MailModule> {
  vi.resetModules();
  return import('@/lib/mail');
}

describe('one process, several bundled copies of lib/mail', () => {
  it('runs one drainer: a drain asked for by another copy joins the one running', async () => {
    const instrumentation = await bundledCopy();
    const routeHandler = await bundledCopy();
    expect(routeHandler.requestDrain).not.toBe(instrumentation.requestDrain);
    const ids = await queueMessages(30, 'bundle');

    const [first, second] = await Promise.all([instrumentation.requestDrain(), routeHandler.requestDrain()]);
    expect(first.sent).toBe(30);
    expect(second).toEqual(first);
    expect(received.map((message) => message.messageId).sort()).toEqual([...ids].sort());
    expect(new Set((await outboxRows()).map((row) => row.status))).toEqual(new Set(['sent']));
  });

  it('stops every copy’s drainer when one copy is told to stop', async () => {
    const instrumentation = await bundledCopy();
    const page = await bundledCopy();
    await instrumentation.stopDraining({ graceMs: 0 });
    await queueMessages(3, 'after-stop');
    expect(await page.requestDrain()).toEqual({ sent: 0, retried: 0, dead: 0, expired: 0 });
    expect((await outboxRows()).filter((row) => row.status === 'pending')).toHaveLength(3);
  });
});
