import 'server-only';
import { randomUUID } from 'node:crypto';
import { after } from 'next/server';
import { getConfig } from '@/lib/config';
import { enqueueEmail } from '@/lib/db/outbox';
import { requestDrain } from './scheduler';

export type EmailMessage = {
  to: string | string[];
  cc?: string | string[];
  bcc?: string | string[];
  subject: string;
  text: string;
  html?: string;
  /** Past this moment the message is useless (its link has expired) and is dropped, not sent late. */
  expiresAt?: Date;
  /** Who waits for it. A user's mail (a reset link, a notice) goes out before any mail to the admins. */
  audience?: 'user' | 'admin';
};

// Lower is sent first; the outbox orders by this, then by the soonest expiry.
const PRIORITY = { user: 0, admin: 1 } as const;

const list = (value: string | string[] | undefined): string[] => (value === undefined ? [] : [value].flat());

function drainSoon(): void {
  const drain = () => requestDrain().catch((error: unknown) => console.error('Outbox drain failed:', error));
  try {
    // Inside a request the drain runs once the response is sent, so no one waits for SMTP.
    after(drain);
  } catch {
    // Outside a request (a script, a test) there is no response to wait for.
    setImmediate(drain);
  }
}

/** Queues a message in the outbox and drains it after the response: never SMTP on the request path. */
export async function sendEmail(message: EmailMessage): Promise<void> {
  const config = getConfig();
  const now = new Date();
  await enqueueEmail({
    messageId: `<${randomUUID()}@${new URL(config.appUrl).hostname}>`,
    sender: config.sender,
    to: list(message.to),
    cc: list(message.cc),
    bcc: list(message.bcc),
    subject: message.subject,
    text: message.text,
    html: message.html,
    expiresAt: message.expiresAt,
    priority: PRIORITY[message.audience ?? 'user'],
    nextAttemptAt: now,
    createdAt: now,
  });
  drainSoon();
}
