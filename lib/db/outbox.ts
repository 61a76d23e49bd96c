import 'server-only';
import { and, desc, eq, inArray, lte, or, sql } from 'drizzle-orm';
import { getDb } from './client';
import { outbox, type NewOutboxRow, type OutboxRow } from './schema';

export function enqueueEmail(row: Omit<NewOutboxRow, 'id' | 'status' | 'attempts' | 'claimedBy'>): OutboxRow {
  return getDb().insert(outbox).values(row).returning().get();
}

/**
 * Leases up to `limit` due messages to `drainer` in one statement, so two drainers
 * never hold the same row; a row whose lease ran out (its drainer died) is due again.
 * Mail users wait for goes first, and of that the message that expires soonest, so
 * no amount of admin mail can hold a reset link until it is useless.
 */
export function claimDueEmails(now: Date, limit: number, leaseMs: number, drainer: string): OutboxRow[] {
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
    .orderBy(outbox.priority, sql`${outbox.expiresAt} asc nulls last`, outbox.nextAttemptAt, outbox.id)
    .limit(limit);
  const claimed = db
    .update(outbox)
    .set({ status: 'sending', leaseUntil: new Date(now.getTime() + leaseMs), claimedBy: drainer, attempts: sql`${outbox.attempts} + 1` })
    .where(inArray(outbox.id, due))
    .returning()
    .all();
  // RETURNING lists rows in storage order; the drainer sends them in the order they were chosen.
  return claimed.sort(
    (a, b) =>
      a.priority - b.priority ||
      (a.expiresAt?.getTime() ?? Infinity) - (b.expiresAt?.getTime() ?? Infinity) ||
      a.nextAttemptAt.getTime() - b.nextAttemptAt.getTime() ||
      a.id - b.id,
  );
}

/** Rows `drainer` holds right now; a row released or claimed again by another is no longer its to change. */
const heldBy = (id: number, drainer: string) => and(eq(outbox.id, id), eq(outbox.status, 'sending'), eq(outbox.claimedBy, drainer));

/** Moves the lease of every row `drainer` holds to `until`, so none expires while its message is still on its way. */
export function renewEmailLeases(drainer: string, until: Date): void {
  getDb()
    .update(outbox)
    .set({ leaseUntil: until })
    .where(and(eq(outbox.status, 'sending'), eq(outbox.claimedBy, drainer)))
    .run();
}

export function markEmailDone(id: number, drainer: string, status: 'sent' | 'captured', now: Date): void {
  getDb().update(outbox).set({ status, sentAt: now, leaseUntil: null, claimedBy: null, lastError: null }).where(heldBy(id, drainer)).run();
}

export function markEmailFailed(id: number, drainer: string, error: string, retryAt: Date): void {
  getDb()
    .update(outbox)
    .set({ status: 'failed', lastError: error, nextAttemptAt: retryAt, leaseUntil: null, claimedBy: null })
    .where(heldBy(id, drainer))
    .run();
}

export function markEmailGivenUp(id: number, drainer: string, status: 'dead' | 'expired', reason: string): void {
  getDb().update(outbox).set({ status, lastError: reason, leaseUntil: null, claimedBy: null }).where(heldBy(id, drainer)).run();
}

/**
 * Gives back the rows `drainer` holds (those of `ids`, or all), due now and with the
 * attempt their claim counted taken back: a drainer that stops before it could send
 * them has not tried. Returns how many it gave back.
 */
export function releaseEmails(drainer: string, now: Date, ids?: number[]): number {
  return getDb()
    .update(outbox)
    .set({ status: 'pending', nextAttemptAt: now, leaseUntil: null, claimedBy: null, attempts: sql`${outbox.attempts} - 1` })
    .where(and(eq(outbox.status, 'sending'), eq(outbox.claimedBy, drainer), ids ? inArray(outbox.id, ids) : undefined))
    .run().changes;
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
