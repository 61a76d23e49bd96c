// The Postgres twin of ./sqlite.ts: the same tables, columns, indexes and constraints
// (test/schema.test.ts holds them to that). Query modules are typed against these tables.
import { sql } from 'drizzle-orm';
import { bigint, boolean, check, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { DEFAULT_LOCALE, LOCALES } from '@/i18n/locales';
import { outboxStatuses } from './outbox-statuses';

// Milliseconds, as JavaScript's Date holds them and SQLite's integer columns store them,
// so a value reads back exactly as it was written on both databases.
const moment = (name: string) => timestamp(name, { withTimezone: true, precision: 3, mode: 'date' });

export const users = pgTable(
  'users',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    username: text('username').notNull(),
    email: text('email').notNull(),
    passwordHash: text('password_hash').notNull(),
    /** When the owner followed a confirmation link sent to `email`; null until then. */
    emailConfirmedAt: moment('email_confirmed_at'),
    aboutMe: text('about_me'),
    /** The language of the owner's mail: the page's at signup, then the language switcher's. */
    locale: text('locale', { enum: LOCALES }).notNull().default(DEFAULT_LOCALE),
    lastSeen: moment('last_seen'),
    createdAt: moment('created_at').notNull().defaultNow(),
  },
  (table) => [
    uniqueIndex('users_username_unique').on(sql`lower(${table.username})`),
    // Addresses are matched case-insensitively, so two spellings of one mailbox are one account.
    uniqueIndex('users_email_unique').on(sql`lower(${table.email})`),
  ],
);

export const posts = pgTable(
  'posts',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    body: text('body').notNull(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: moment('created_at').notNull().defaultNow(),
  },
  (table) => [
    index('posts_user_id_created_at_idx').on(table.userId, table.createdAt),
    index('posts_created_at_idx').on(table.createdAt),
  ],
);

export const followers = pgTable(
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

export const outbox = pgTable(
  'outbox',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    messageId: text('message_id').notNull().unique(),
    sender: text('sender').notNull(),
    to: jsonb('to').$type<string[]>().notNull(),
    cc: jsonb('cc').$type<string[]>().notNull().default(sql`'[]'::jsonb`),
    bcc: jsonb('bcc').$type<string[]>().notNull().default(sql`'[]'::jsonb`),
    subject: text('subject').notNull(),
    text: text('text').notNull(),
    html: text('html'),
    status: text('status', { enum: outboxStatuses }).notNull().default('pending'),
    /** Lower goes first: mail a user waits for before mail to the admins (see lib/mail/send-email.ts). */
    priority: integer('priority').notNull().default(0),
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error'),
    nextAttemptAt: moment('next_attempt_at').notNull(),
    leaseUntil: moment('lease_until'),
    /** The process holding the lease: only it may record the outcome or give the row back. */
    claimedBy: text('claimed_by'),
    expiresAt: moment('expires_at'),
    createdAt: moment('created_at').notNull(),
    sentAt: moment('sent_at'),
  },
  (table) => [index('outbox_status_next_attempt_at_idx').on(table.status, table.nextAttemptAt)],
);

/** Counters for rate limits, kept in the database so every process sees the same counts. */
export const throttle = pgTable(
  'throttle',
  {
    key: text('key').primaryKey(),
    hits: integer('hits').notNull(),
    // Epoch milliseconds, past 2^31: bigint, read as a JavaScript number.
    windowStartedAt: bigint('window_started_at', { mode: 'number' }).notNull(),
    lastHitAt: bigint('last_hit_at', { mode: 'number' }).notNull(),
  },
  // Expired counters are found by their last hit and deleted in batches.
  (table) => [index('throttle_last_hit_at_idx').on(table.lastHitAt)],
);

/**
 * Signed-in sessions: the session cookie names one by its random id, and a session whose
 * row is gone is signed out wherever its cookie turns up (see lib/auth/sessions.ts).
 */
export const sessions = pgTable(
  'sessions',
  {
    id: text('id').primaryKey(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    /** "Remember Me": the session lasts its full term; else it ends after a while unused. */
    remember: boolean('remember').notNull(),
    /** The browser's User-Agent at sign-in, cut short; the settings page names the browser from it. */
    userAgent: text('user_agent').notNull(),
    createdAt: moment('created_at').notNull(),
    lastSeenAt: moment('last_seen_at').notNull(),
    expiresAt: moment('expires_at').notNull(),
  },
  (table) => [index('sessions_user_id_idx').on(table.userId), index('sessions_expires_at_idx').on(table.expiresAt)],
);
