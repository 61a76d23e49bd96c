// The SQLite twin of ./postgres.ts: the same tables, columns, indexes and constraints
// (test/schema.test.ts holds them to that). Query modules see the Postgres types; see ../client.ts.
import { sql } from 'drizzle-orm';
import { check, index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { DEFAULT_LOCALE, LOCALES } from '@/i18n/locales';
import { outboxStatuses } from './outbox-statuses';

export const users = sqliteTable(
  'users',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    username: text('username').notNull(),
    email: text('email').notNull(),
    passwordHash: text('password_hash').notNull(),
    /** When the owner followed a confirmation link sent to `email`; null until then. */
    emailConfirmedAt: integer('email_confirmed_at', { mode: 'timestamp_ms' }),
    aboutMe: text('about_me'),
    /** The language of the owner's mail: the page's at signup, then the language switcher's. */
    locale: text('locale', { enum: LOCALES }).notNull().default(DEFAULT_LOCALE),
    lastSeen: integer('last_seen', { mode: 'timestamp_ms' }),
    createdAt: integer('created_at', { mode: 'timestamp_ms' })
      .notNull()
      .default(sql`(unixepoch('subsec') * 1000)`),
  },
  (table) => [
    // lower() rather than `collate nocase`: Postgres has the same expression, so one query
    // (`lower(username) = lower(?)`) uses the index on both databases.
    uniqueIndex('users_username_unique').on(sql`lower(${table.username})`),
    // Addresses are matched case-insensitively, so two spellings of one mailbox are one account.
    uniqueIndex('users_email_unique').on(sql`lower(${table.email})`),
  ],
);

export const posts = sqliteTable(
  'posts',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    body: text('body').notNull(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: integer('created_at', { mode: 'timestamp_ms' })
      .notNull()
      .default(sql`(unixepoch('subsec') * 1000)`),
  },
  (table) => [
    index('posts_user_id_created_at_idx').on(table.userId, table.createdAt),
    index('posts_created_at_idx').on(table.createdAt),
  ],
);

export const followers = sqliteTable(
  'followers',
  {
    followerId: integer('follower_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    followedId: integer('followed_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
  },
  (table) => [
    primaryKey({ columns: [table.followerId, table.followedId] }),
    index('followers_followed_id_idx').on(table.followedId),
    check('followers_not_self', sql`${table.followerId} <> ${table.followedId}`),
  ],
);

export const outbox = sqliteTable(
  'outbox',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    messageId: text('message_id').notNull().unique(),
    sender: text('sender').notNull(),
    to: text('to', { mode: 'json' }).$type<string[]>().notNull(),
    cc: text('cc', { mode: 'json' }).$type<string[]>().notNull().default(sql`'[]'`),
    bcc: text('bcc', { mode: 'json' }).$type<string[]>().notNull().default(sql`'[]'`),
    subject: text('subject').notNull(),
    text: text('text').notNull(),
    html: text('html'),
    status: text('status', { enum: outboxStatuses }).notNull().default('pending'),
    /** Lower goes first: mail a user waits for before mail to the admins (see lib/mail/send-email.ts). */
    priority: integer('priority').notNull().default(0),
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error'),
    nextAttemptAt: integer('next_attempt_at', { mode: 'timestamp_ms' }).notNull(),
    leaseUntil: integer('lease_until', { mode: 'timestamp_ms' }),
    /** The process holding the lease: only it may record the outcome or give the row back. */
    claimedBy: text('claimed_by'),
    expiresAt: integer('expires_at', { mode: 'timestamp_ms' }),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
    sentAt: integer('sent_at', { mode: 'timestamp_ms' }),
  },
  (table) => [index('outbox_status_next_attempt_at_idx').on(table.status, table.nextAttemptAt)],
);

/** Counters for rate limits, kept in the database so every process sees the same counts. */
export const throttle = sqliteTable(
  'throttle',
  {
    key: text('key').primaryKey(),
    hits: integer('hits').notNull(),
    windowStartedAt: integer('window_started_at').notNull(),
    lastHitAt: integer('last_hit_at').notNull(),
  },
  // Expired counters are found by their last hit and deleted in batches.
  (table) => [index('throttle_last_hit_at_idx').on(table.lastHitAt)],
);

/**
 * Signed-in sessions: the session cookie names one by its random id, and a session whose
 * row is gone is signed out wherever its cookie turns up (see lib/auth/sessions.ts).
 */
export const sessions = sqliteTable(
  'sessions',
  {
    id: text('id').primaryKey(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    /** "Remember Me": the session lasts its full term; else it ends after a while unused. */
    remember: integer('remember', { mode: 'boolean' }).notNull(),
    /** The browser's User-Agent at sign-in, cut short; the settings page names the browser from it. */
    userAgent: text('user_agent').notNull(),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
    lastSeenAt: integer('last_seen_at', { mode: 'timestamp_ms' }).notNull(),
    expiresAt: integer('expires_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (table) => [index('sessions_user_id_idx').on(table.userId), index('sessions_expires_at_idx').on(table.expiresAt)],
);
