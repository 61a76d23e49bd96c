import { randomUUID } from 'node:crypto';
import { enqueueEmail } from '@/lib/db/outbox';

/** Queues `count` messages straight into the outbox, without starting a drain in this process. */
export function queueMessages(count: number, prefix = 'msg'): string[] {
  const now = new Date();
  return Array.from({ length: count }, (_, index) => {
    const messageId = `<${randomUUID()}@app.test>`;
    enqueueEmail({
      messageId,
      sender: 'admin@app.test',
      to: [`${prefix}${index}@example.com`],
      subject: `${prefix} ${index}`,
      text: 'hello',
      nextAttemptAt: now,
      createdAt: now,
    });
    return messageId;
  });
}
