import 'server-only';
import { and, desc, eq, inArray, lte, or, sql } from 'drizzle-orm';
import { getDb, openedDb, type Database } from './client';
import type { NewOutboxRow, OutboxRow } from './schema';

export async function enqueueEmail(row: Omit<NewOutboxRow, 'id' | 'status' | 'attempts' | 'claimedBy'>): Promise<OutboxRow> {
  const { db, outbox } = await getDb();
  const [queued] = await db.insert(outbox).values(row).returning();
  if (!queued) throw new Error('the insert returned no row');
  return queued;
}

/**
 * Leases up to `limit` due messages to `drainer` in one statement, so two drainers
 * never hold the same row; a row whose lease ran out (its drainer died) is due again.
 * Mail users wait for goes first, and of that the message that expires soonest, so
 * no amount of admin mail can hold a reset link until it is useless.
 */
export async function claimDueEmails(now: Date, limit: number, leaseMs: number, drainer: string): Promise<OutboxRow[]> {
  const { db, outbox, dialect } = await getDb();
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
    .limit(limit)
    .$dynamic();
  const claimed = await db
    .update(outbox)
    .set({ status: 'sending', leaseUntil: new Date(now.getTime() + leaseMs), claimedBy: drainer, attempts: sql`${outbox.attempts} + 1` })
    .where(inArray(outbox.id, dialect.skipLockedRows(due)))
    .returning();
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
const heldBy = (outbox: Database['outbox'], id: number, drainer: string) =>
  and(eq(outbox.id, id), eq(outbox.status, 'sending'), eq(outbox.claimedBy, drainer));

/** Moves the lease of every row `drainer` holds to `until`, so none expires while its message is still on its way. */
export async function renewEmailLeases(drainer: string, until: Date): Promise<void> {
  const { db, outbox } = await getDb();
  await db
    .update(outbox)
    .set({ leaseUntil: until })
    .where(and(eq(outbox.status, 'sending'), eq(outbox.claimedBy, drainer)));
}

export async function markEmailDone(id: number, drainer: string, status: 'sent' | 'captured', now: Date): Promise<void> {
  const { db, outbox } = await getDb();
  await db.update(outbox).set({ status, sentAt: now, leaseUntil: null, claimedBy: null, lastError: null }).where(heldBy(outbox, id, drainer));
}

export async function markEmailFailed(id: number, drainer: string, error: string, retryAt: Date): Promise<void> {
  const { db, outbox } = await getDb();
  await db
    .update(outbox)
    .set({ status: 'failed', lastError: error, nextAttemptAt: retryAt, leaseUntil: null, claimedBy: null })
    .where(heldBy(outbox, id, drainer));
}

export async function markEmailGivenUp(id: number, drainer: string, status: 'dead' | 'expired', reason: string): Promise<void> {
  const { db, outbox } = await getDb();
  await db.update(outbox).set({ status, lastError: reason, leaseUntil: null, claimedBy: null }).where(heldBy(outbox, id, drainer));
}

const release = ({ db, outbox }: Database, drainer: string, now: Date, ids?: number[]) =>
  db
    .update(outbox)
    .set({ status: 'pending', nextAttemptAt: now, leaseUntil: null, claimedBy: null, attempts: sql`${outbox.attempts} - 1` })
    .where(and(eq(outbox.status, 'sending'), eq(outbox.claimedBy, drainer), ids ? inArray(outbox.id, ids) : undefined));

/**
 * Gives back the rows `drainer` holds (those of `ids`, or all), due now and with the
 * attempt their claim counted taken back: a drainer that stops before it could send
 * them has not tried. Returns how many it gave back.
 */
export async function releaseEmails(drainer: string, now: Date, ids?: number[]): Promise<number> {
  const database = await getDb();
  const released = await release(database, drainer, now, ids).returning({ id: database.outbox.id });
  return released.length;
}

/**
 * releaseEmails for a process 'exit' handler, which cannot wait: done on the spot on SQLite.
 * Postgres cannot be reached by then; there the rows go out again when their leases end.
 */
export function releaseEmailsDuringExit(drainer: string, now: Date): void {
  const database = openedDb();
  // A process that never opened the database holds nothing.
  if (database) database.dialect.writeDuringExit(release(database, drainer, now));
}

export async function listRecentEmails(limit: number): Promise<OutboxRow[]> {
  const { db, outbox } = await getDb();
  return db.select().from(outbox).orderBy(desc(outbox.id)).limit(limit);
}

export async function findLatestEmailTo(address: string): Promise<OutboxRow | undefined> {
  const { db, outbox, dialect } = await getDb();
  const [row] = await db
    .select()
    .from(outbox)
    .where(sql`exists (select 1 from ${dialect.jsonArrayElements(outbox.to)} where lower(elements.value) = lower(${address}))`)
    .orderBy(desc(outbox.id))
    .limit(1);
  return row;
}

export async function deleteAllEmails(): Promise<void> {
  const { db, outbox } = await getDb();
  await db.delete(outbox);
}
