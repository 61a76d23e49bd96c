import 'server-only';
import { randomUUID } from 'node:crypto';
import { once } from 'node:events';
import { hostname } from 'node:os';
import {
  claimDueEmails,
  markEmailDone,
  markEmailFailed,
  markEmailGivenUp,
  releaseEmails,
  renewEmailLeases,
} from '@/lib/db/outbox';
import type { OutboxRow } from '@/lib/db/schema';
import { SMTP_CONNECTIONS, type MailTransport } from './transport';

export type DrainOptions = {
  /**
   * Rows claimed at a time. Small, so that mail queued meanwhile with a higher priority
   * waits behind a few messages at most, not behind a whole batch; not tiny, since each
   * claim sorts every due row (about 1 ms for 2,000) to find the first.
   */
  batchSize?: number;
  /**
   * How long a claim lasts unless renewed. A live drainer renews its claims while it
   * works, so this only decides how soon the rows of a drainer that died are due again.
   */
  leaseMs?: number;
  maxAttempts?: number;
  retryBaseMs?: number;
  retryMaxMs?: number;
  /** Who holds the claims: this process, unless a test plays several drainers in one. */
  drainer?: string;
  /** Once aborted: claim nothing more, finish what is held. */
  stop?: AbortSignal;
  /** Once aborted: put back what is not yet on its way, and return without waiting for the rest. */
  abandon?: AbortSignal;
};

type Settings = Required<Omit<DrainOptions, 'stop' | 'abandon'>> & Pick<DrainOptions, 'stop' | 'abandon'>;

export type DrainReport = { sent: number; retried: number; dead: number; expired: number };

export const emptyDrainReport = (): DrainReport => ({ sent: 0, retried: 0, dead: 0, expired: 0 });

export function addDrainReport(total: DrainReport, report: DrainReport): DrainReport {
  for (const key of Object.keys(total) as (keyof DrainReport)[]) total[key] += report[key];
  return total;
}

// Named once per process, on globalThis: every bundled copy of this module is the same drainer.
const globalForDrainer = globalThis as unknown as { microblogDrainerName?: string };

/** This process's name on the rows it claims: host and pid for people, a random part so a reused pid is not mistaken for it. */
export function processDrainer(): string {
  globalForDrainer.microblogDrainerName ??= `${hostname()}#${process.pid}#${randomUUID().slice(0, 8)}`;
  return globalForDrainer.microblogDrainerName;
}

// Two messages per pooled connection: while one is on the wire the next waits in the pool,
// so a connection never idles while we record an outcome in the database.
const LANES = 2 * SMTP_CONNECTIONS;

const DEFAULTS: Omit<Settings, 'drainer'> = {
  batchSize: 24,
  leaseMs: 60_000,
  maxAttempts: 8,
  retryBaseMs: 30_000,
  retryMaxMs: 60 * 60_000,
};

/** Exponential backoff with jitter, so messages that failed together do not retry together. */
function retryDelayMs(attempts: number, baseMs: number, maxMs: number, random = Math.random): number {
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

/**
 * The same message on every attempt: the Message-ID and the Date are the row's, so if a
 * crash makes us send it twice, mail clients see one message and fold the copies.
 */
function mailOf(row: OutboxRow) {
  return {
    messageId: row.messageId,
    date: row.createdAt,
    from: row.sender,
    to: row.to,
    cc: row.cc,
    bcc: row.bcc,
    subject: row.subject,
    text: row.text,
    html: row.html ?? undefined,
  };
}

async function deliver(row: OutboxRow, transport: MailTransport | null, settings: Settings, report: DrainReport): Promise<void> {
  const { drainer } = settings;
  if (row.expiresAt && row.expiresAt <= new Date()) {
    await markEmailGivenUp(row.id, drainer, 'expired', 'Its content expired before it could be sent.');
    report.expired += 1;
    return;
  }
  if (!transport) {
    await markEmailDone(row.id, drainer, 'captured', new Date());
    report.sent += 1;
    return;
  }
  try {
    await transport.sendMail(mailOf(row));
  } catch (error) {
    // Cut off by a stop, not refused: drainOutbox has given the row back already.
    if (settings.abandon?.aborted) return;
    if (isPermanent(error) || row.attempts >= settings.maxAttempts) {
      await markEmailGivenUp(row.id, drainer, 'dead', describe(error));
      report.dead += 1;
    } else {
      const delay = retryDelayMs(row.attempts, settings.retryBaseMs, settings.retryMaxMs);
      await markEmailFailed(row.id, drainer, describe(error), new Date(Date.now() + delay));
      report.retried += 1;
    }
    return;
  }
  // Straight after the relay's reply: a crash between the two is the one way a message goes twice.
  await markEmailDone(row.id, drainer, 'sent', new Date());
  report.sent += 1;
}

/** Resolves when `signal` aborts; `dispose` stops listening, so a long-lived signal does not collect listeners. */
function whenAborted(signal: AbortSignal | undefined): { aborted: Promise<unknown>; dispose: () => void } {
  if (!signal) return { aborted: new Promise(() => undefined), dispose: () => undefined };
  const listening = new AbortController();
  return { aborted: once(signal, 'abort', { signal: listening.signal }).catch(() => undefined), dispose: () => listening.abort() };
}

/**
 * Sends every due message over `transport` (null: capture it as sent, for /dev/mail),
 * a few claimed at a time, until none is due.
 */
export async function drainOutbox(transport: MailTransport | null, options: DrainOptions = {}): Promise<DrainReport> {
  const settings: Settings = { ...DEFAULTS, drainer: processDrainer(), ...options };
  const { drainer, leaseMs, stop, abandon } = settings;
  const report = emptyDrainReport();
  const queue: OutboxRow[] = [];
  let nothingDue = false;
  // One claim at a time for all lanes: a lane that finds the queue empty waits for the claim
  // in flight, if any, rather than claiming a second batch beside it.
  const claim: { inFlight: Promise<void> | null } = { inFlight: null };

  const next = async (): Promise<OutboxRow | undefined> => {
    while (queue.length === 0 && !nothingDue && !stop?.aborted) {
      claim.inFlight ??= claimDueEmails(new Date(), settings.batchSize, leaseMs, drainer)
        .then((claimed) => {
          queue.push(...claimed);
          nothingDue = claimed.length === 0;
        })
        .finally(() => {
          claim.inFlight = null;
        });
      await claim.inFlight;
    }
    return queue.shift();
  };
  const lane = async () => {
    while (!abandon?.aborted) {
      const row = await next();
      if (!row) return;
      await deliver(row, transport, settings, report);
    }
  };

  const renewal = setInterval(() => {
    renewEmailLeases(drainer, new Date(Date.now() + leaseMs)).catch((error: unknown) => console.error('Outbox lease renewal failed:', error));
  }, leaseMs / 3);
  renewal.unref();
  const abandoned = whenAborted(abandon);
  try {
    const lanes = Array.from({ length: transport ? LANES : 1 }, lane);
    await Promise.race([Promise.all(lanes), abandoned.aborted]);
  } finally {
    clearInterval(renewal);
    abandoned.dispose();
  }
  if (abandon?.aborted) {
    // Everything this drainer holds goes back, due, its attempt not counted: the rows waiting
    // their turn and those whose sends the stop is cutting off, which are released now, while
    // the database can still be reached (a Postgres pool cannot be from an exit handler). A
    // claim still on its way is waited for first, or its rows would be held by no one.
    await claim.inFlight?.catch(() => undefined);
    queue.length = 0;
    await releaseEmails(drainer, new Date());
  }
  return report;
}
