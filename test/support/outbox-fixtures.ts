import { randomUUID } from 'node:crypto';
import { getDb } from '@/lib/db/client';
import type { OutboxRow } from '@/lib/db/schema';

export type QueueOptions = {
  /** 1 queues it as the admins' mail, which waits behind users' mail. */
  priority?: number;
  expiresAt?: Date;
};

/** Queues `count` messages straight into the outbox in one insert, without starting a drain in this process. */
export async function queueMessages(count: number, prefix = 'msg', { priority = 0, expiresAt }: QueueOptions = {}): Promise<string[]> {
  const now = new Date();
  const rows = Array.from({ length: count }, (_, index) => ({
    messageId: `<${randomUUID()}@app.test>`,
    sender: 'admin@app.test',
    to: [`${prefix}${index}@example.com`],
    subject: `${prefix} ${index}`,
    text: 'hello',
    priority,
    expiresAt,
    nextAttemptAt: now,
    createdAt: now,
  }));
  const { db, outbox } = await getDb();
  await db.insert(outbox).values(rows);
  return rows.map((row) => row.messageId);
}

/** Every outbox row, in the order queued: Postgres returns an updated row wherever its new version landed. */
export async function outboxRows(): Promise<OutboxRow[]> {
  const { db, outbox } = await getDb();
  return db.select().from(outbox).orderBy(outbox.id);
}

export async function emptyOutbox(): Promise<void> {
  const { db, outbox } = await getDb();
  await db.delete(outbox);
}

/** Makes every waiting message due now, as if its retry time had come. */
export async function makeOutboxDue(): Promise<void> {
  const { db, outbox } = await getDb();
  await db.update(outbox).set({ nextAttemptAt: new Date() });
}
