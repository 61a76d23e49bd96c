import 'server-only';
import { sql, type AnyColumn, type SQL, type SQLWrapper } from 'drizzle-orm';
import type { PgSelect } from 'drizzle-orm/pg-core';

/**
 * The few places where SQLite and Postgres need different SQL, each saying why. Query
 * modules call these through the open database's `dialect` and never ask which database
 * is open. Everything else is written once: case-insensitive matches use `lower()` on
 * both (with unique indexes on the same expression), and min/max of two values is a
 * `case` expression, since SQLite's scalar min() and Postgres's least() share no name.
 */
export type Dialect = {
  name: 'sqlite' | 'postgres';
  /** A JSON array of strings as rows: a FROM item named `elements` with one column, `value`. */
  jsonArrayElements(column: AnyColumn): SQL;
  /** Locks the rows a claiming subquery picks, passing over rows another claim holds. */
  skipLockedRows<Q extends PgSelect>(query: Q): Q;
  /** Runs a write from a process 'exit' handler, where nothing asynchronous can finish, if the driver can. */
  writeDuringExit(query: SQLWrapper): void;
};

export const sqliteDialect: Dialect = {
  name: 'sqlite',
  // SQLite keeps JSON as text and reads it with json_each, whose rows have a `value` column.
  jsonArrayElements: (column) => sql`json_each(${column}) as elements`,
  // SQLite runs one writing statement at a time over the whole file, so a claiming update
  // has its rows to itself already; it has no row locks to take or skip.
  skipLockedRows: (query) => query,
  // better-sqlite3 works synchronously: the write is done before the handler returns.
  writeDuringExit: (query) => {
    (query as unknown as { run(): unknown }).run();
  },
};

export const postgresDialect: Dialect = {
  name: 'postgres',
  // jsonb has its own set-returning function; naming the column makes it match SQLite's.
  jsonArrayElements: (column) => sql`jsonb_array_elements_text(${column}) as elements(value)`,
  // Postgres runs several drainers' claims at once. FOR UPDATE makes a claim re-check a row
  // that another claim changed before taking it, so no row is claimed twice; SKIP LOCKED
  // lets it pass over rows another claim holds right now instead of queueing behind it.
  skipLockedRows: (query) => query.for('update', { skipLocked: true }) as typeof query,
  // node-postgres needs the event loop to reach its server, and the loop does not turn again
  // once the process is exiting: nothing sent from here would arrive, so nothing is sent.
  writeDuringExit: () => undefined,
};

function driverError(error: unknown): (Error & { code?: unknown; constraint?: unknown }) | undefined {
  // drizzle wraps the driver's error in a DrizzleQueryError whose cause is the original.
  for (let current = error; current instanceof Error; current = current.cause) {
    if ('code' in current) return current;
  }
  return undefined;
}

/**
 * The unique index or constraint a write ran into, or undefined for any other error.
 * better-sqlite3 names it in the message, node-postgres in a field of its own.
 */
export function violatedUniqueIndex(error: unknown): string | undefined {
  const cause = driverError(error);
  if (cause?.code === 'SQLITE_CONSTRAINT_UNIQUE') {
    // "UNIQUE constraint failed: index 'users_email_unique'", or "...: outbox.message_id" for a column.
    return /index '([^']+)'/.exec(cause.message)?.[1] ?? cause.message.replace(/^UNIQUE constraint failed: /, '');
  }
  // 23505 is Postgres's unique_violation.
  if (cause?.code === '23505' && typeof cause.constraint === 'string') return cause.constraint;
  return undefined;
}
