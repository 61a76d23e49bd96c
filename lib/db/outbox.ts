import 'server-only';
import { and, desc, eq, inArray, lte, or, sql } from 'drizzle-orm';
import { getDb } from './client';
import { outbox, type NewOutboxRow, type OutboxRow } from './schema';

export function enqueueEmail(row: Omit<NewOutboxRow, 'id' | 'status' | 'attempts'>): OutboxRow {
  return getDb().insert(outbox).values(row).returning().get();
}

/**
 * Leases up to `limit` due messages to the caller in one statement, so two drainers
 * never hold the same row; a row whose lease ran out (its drainer died) is due again.
 */
export function claimDueEmails(now: Date, limit: number, leaseMs: number): OutboxRow[] {
  const db = getDb();
  const due = db
    .select({ id: outbox.id })
    .from(outbox)
    .where(
      or(
        and(inArray(outbox.status, ['pending', 'failed']), lte(outbox.nextAttemptAt, now)),
        and(eq(outbox.status, 'sending'), lte(outbox.leaseUntil, now)),
      ),
    )
    .orderBy(outbox.nextAttemptAt, outbox.id)
    .limit(limit);
  return db
    .update(outbox)
    .set({ status: 'sending', leaseUntil: new Date(now.getTime() + leaseMs), attempts: sql`${outbox.attempts} + 1` })
    .where(inArray(outbox.id, due))
    .returning()
    .all();
}

export function markEmailDone(id: number, status: 'sent' | 'captured', now: Date): void {
  getDb().update(outbox).set({ status, sentAt: now, leaseUntil: null, lastError: null }).where(eq(outbox.id, id)).run();
}

export function markEmailFailed(id: number, error: string, retryAt: Date): void {
  getDb().update(outbox).set({ status: 'failed', lastError: error, nextAttemptAt: retryAt, leaseUntil: null }).where(eq(outbox.id, id)).run();
}

export function markEmailGivenUp(id: number, status: 'dead' | 'expired', reason: string): void {
  getDb().update(outbox).set({ status, lastError: reason, leaseUntil: null }).where(eq(outbox.id, id)).run();
}

export function listRecentEmails(limit: number): OutboxRow[] {
  return getDb().select().from(outbox).orderBy(desc(outbox.id)).limit(limit).all();
}

export function findLatestEmailTo(address: string): OutboxRow | undefined {
  return getDb()
    .select()
    .from(outbox)
    .where(sql`exists (select 1 from json_each(${outbox.to}) where lower(value) = lower(${address}))`)
    .orderBy(desc(outbox.id))
    .limit(1)
    .get();
}

export function deleteAllEmails(): void {
  getDb().delete(outbox).run();
}
