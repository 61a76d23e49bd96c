import { randomUUID } from 'node:crypto';
import { enqueueEmail } from '@/lib/db/outbox';

export type QueueOptions = {
  /** 1 queues it as the admins' mail, which waits behind users' mail. */
  priority?: number;
  expiresAt?: Date;
};

/** Queues `count` messages straight into the outbox, without starting a drain in this process. */
export function queueMessages(count: number, prefix = 'msg', { priority = 0, expiresAt }: QueueOptions = {}): string[] {
  const now = new Date();
  return Array.from({ length: count }, (_, index) => {
    const messageId = `<${randomUUID()}@app.test>`;
    enqueueEmail({
      messageId,
      sender: 'admin@app.test',
      to: [`${prefix}${index}@example.com`],
      subject: `${prefix} ${index}`,
      text: 'hello',
      priority,
      expiresAt,
      nextAttemptAt: now,
      createdAt: now,
    });
    return messageId;
  });
}
