import 'server-only';
import type { Transporter } from 'nodemailer';
import { getConfig } from '@/lib/config';
import { claimDueEmails, markEmailDone, markEmailFailed, markEmailGivenUp } from '@/lib/db/outbox';
import type { OutboxRow } from '@/lib/db/schema';
import { createSmtpTransport } from './transport';

export type DrainOptions = {
  batchSize?: number;
  /** How long a claimed row stays ours; a drainer that dies holding it loses it after this. */
  leaseMs?: number;
  maxAttempts?: number;
  retryBaseMs?: number;
  retryMaxMs?: number;
};

export type DrainReport = { sent: number; retried: number; dead: number; expired: number };

const DEFAULTS: Required<DrainOptions> = {
  batchSize: 100,
  leaseMs: 60_000,
  maxAttempts: 8,
  retryBaseMs: 30_000,
  retryMaxMs: 60 * 60_000,
};

// One pooled connection per process, reused by every drain.
const globalForMail = globalThis as unknown as { microblogTransport?: Transporter };

function getTransport(): Transporter | null {
  const server = getConfig().mailServer;
  if (!server) return null;
  globalForMail.microblogTransport ??= createSmtpTransport(server);
  return globalForMail.microblogTransport;
}

/** Closes the pooled connection, so a stopping process leaves no socket behind. */
export function closeMailTransport(): void {
  globalForMail.microblogTransport?.close();
  globalForMail.microblogTransport = undefined;
}

/** Exponential backoff with jitter, so messages that failed together do not retry together. */
export function retryDelayMs(attempts: number, baseMs: number, maxMs: number, random = Math.random): number {
  const ceiling = Math.min(maxMs, baseMs * 2 ** Math.max(0, attempts - 1));
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}

function describe(error: unknown): string {
  if (error instanceof Error) {
    const response = 'response' in error && typeof error.response === 'string' ? ` (${error.response})` : '';
    return `${error.message}${response}`.slice(0, 1000);
  }
  return String(error).slice(0, 1000);
}

/** 5xx replies are the server's final word for that message; everything else may pass. */
function isPermanent(error: unknown): boolean {
  return typeof error === 'object' && error !== null && 'responseCode' in error && Number(error.responseCode) >= 500;
}

async function deliver(row: OutboxRow, transport: Transporter | null, options: Required<DrainOptions>, report: DrainReport) {
  const now = new Date();
  if (row.expiresAt && row.expiresAt <= now) {
    markEmailGivenUp(row.id, 'expired', 'Its content expired before it could be sent.');
    report.expired += 1;
    return;
  }
  if (!transport) {
    markEmailDone(row.id, 'captured', now);
    report.sent += 1;
    return;
  }
  try {
    await transport.sendMail({
      messageId: row.messageId,
      from: row.sender,
      to: row.to,
      cc: row.cc,
      bcc: row.bcc,
      subject: row.subject,
      text: row.text,
      html: row.html ?? undefined,
    });
    markEmailDone(row.id, 'sent', new Date());
    report.sent += 1;
  } catch (error) {
    if (isPermanent(error) || row.attempts >= options.maxAttempts) {
      markEmailGivenUp(row.id, 'dead', describe(error));
      report.dead += 1;
    } else {
      const delay = retryDelayMs(row.attempts, options.retryBaseMs, options.retryMaxMs);
      markEmailFailed(row.id, describe(error), new Date(Date.now() + delay));
      report.retried += 1;
    }
  }
}

/** Sends every due message, batch by batch, until none is due. */
export async function drainOutbox(overrides: DrainOptions = {}): Promise<DrainReport> {
  const options = { ...DEFAULTS, ...overrides };
  const transport = getTransport();
  const report: DrainReport = { sent: 0, retried: 0, dead: 0, expired: 0 };
  while (!stopping) {
    const rows = claimDueEmails(new Date(), options.batchSize, options.leaseMs);
    if (rows.length === 0) return report;
    // The pool queues these onto its one connection; awaiting them together keeps it busy.
    await Promise.all(rows.map((row) => deliver(row, transport, options, report)));
  }
  return report;
}

let running: Promise<DrainReport> | null = null;
let requestedAgain = false;
let stopping = false;

/** Starts a drain unless one is running, in which case that one goes round once more. */
export function requestDrain(): Promise<DrainReport> {
  if (stopping) return Promise.resolve({ sent: 0, retried: 0, dead: 0, expired: 0 });
  if (running) {
    requestedAgain = true;
    return running;
  }
  running = (async () => {
    const total: DrainReport = { sent: 0, retried: 0, dead: 0, expired: 0 };
    do {
      requestedAgain = false;
      const report = await drainOutbox();
      for (const key of Object.keys(total) as (keyof DrainReport)[]) total[key] += report[key];
    } while (requestedAgain && !stopping);
    return total;
  })().finally(() => {
    running = null;
  });
  return running;
}

/**
 * Stops claiming mail and waits for the batch in hand to finish, so a stopping
 * server leaves no row half-sent; anything still due is for the next process.
 */
export async function stopDraining(): Promise<void> {
  stopping = true;
  await running?.catch(() => undefined);
  closeMailTransport();
}

/** Drains on a timer too, so mail queued before a crash or during an outage still goes out. */
export function startDrainTimer(intervalMs: number): () => void {
  const timer = setInterval(() => {
    requestDrain().catch((error: unknown) => console.error('Outbox drain failed:', error));
  }, intervalMs);
  // The timer alone must not keep a finished process alive.
  timer.unref();
  return () => clearInterval(timer);
}
