import 'server-only';
import { randomBytes } from 'node:crypto';
import { setImmediate as yieldToRequests } from 'node:timers/promises';
import { SESSION_MAX_AGE_SECONDS } from '@/lib/auth/session-lifetime';
import { createSession, deleteExpiredSessions, deleteSession, deleteUserSessions, findLiveSession, listLiveSessions, recordSessionSeen } from '@/lib/db/sessions';
import type { Session, User } from '@/lib/db/schema';

const MINUTE_MS = 60_000;
const MAX_AGE_MS = SESSION_MAX_AGE_SECONDS * 1000;
/**
 * A session without "Remember Me" ends with the browser, but browsers that restore their
 * tabs keep such cookies for ever: unused this long, the server ends it too.
 */
export const BROWSER_SESSION_IDLE_MS = 24 * 60 * MINUTE_MS;
/** "Last seen" is written at most this often per session, not on every request. */
export const LAST_SEEN_RESOLUTION_MS = 5 * MINUTE_MS;
/** A User-Agent is kept only as long as naming the browser needs; a client can send megabytes. */
const USER_AGENT_MAX_LENGTH = 256;
/** The settings page lists at most this many devices; "sign out other devices" ends them all. */
const DEVICES_LISTED = 50;

/** When a session seen at `lastSeenAt` expires: its full term with "Remember Me", else after a day unused, never past the term. */
function expiryOf(session: Pick<Session, 'remember' | 'createdAt'>, lastSeenAt: Date): Date {
  const term = session.createdAt.getTime() + MAX_AGE_MS;
  return new Date(session.remember ? term : Math.min(term, lastSeenAt.getTime() + BROWSER_SESSION_IDLE_MS));
}

/**
 * Records a new signed-in session and returns its id, which the session cookie carries.
 * 128 random bits: the cookie is sealed with SECRET_KEY as well, but a guessable id would
 * leave only that between a guesser and someone else's session.
 */
export async function startSession(userId: number, remember: boolean, userAgent: string, now = new Date()): Promise<string> {
  const id = randomBytes(16).toString('base64url');
  const session = { remember, createdAt: now };
  await createSession({ id, userId, remember, userAgent: userAgent.slice(0, USER_AGENT_MAX_LENGTH), createdAt: now, lastSeenAt: now, expiresAt: expiryOf(session, now) });
  return id;
}

export type LiveSession = { session: Session; user: User };

/**
 * The session a cookie names, with its user, if it is still live: not ended by a logout,
 * "sign out other devices" or a new password, and not expired. Notes it seen, at most
 * once per LAST_SEEN_RESOLUTION_MS, which for a browser session also puts its end later.
 */
export async function resumeSession(id: string, userId: number, now = new Date()): Promise<LiveSession | null> {
  const live = await findLiveSession(id, userId, now);
  if (!live) return null;
  const { session } = live;
  if (now.getTime() - session.lastSeenAt.getTime() >= LAST_SEEN_RESOLUTION_MS) {
    const expiresAt = expiryOf(session, now);
    await recordSessionSeen(id, now, expiresAt);
    Object.assign(session, { lastSeenAt: now, expiresAt });
  }
  return live;
}

/** Logout: the session ends wherever its cookie is presented, copies included. */
export async function endSession(id: string): Promise<void> {
  await deleteSession(id);
}

/** "Sign out other devices": every session of the user but `keepId` ends. Returns how many. */
export async function endOtherSessions(userId: number, keepId: string): Promise<number> {
  return deleteUserSessions(userId, keepId);
}

/** A new password: every session of the user ends (a signed-in change opens its own again). */
export async function endAllSessions(userId: number): Promise<number> {
  return deleteUserSessions(userId);
}

/** The user's live sessions for the settings page, the most recently seen first. */
export async function signedInDevices(userId: number, now = new Date()): Promise<Session[]> {
  return listLiveSessions(userId, now, DEVICES_LISTED);
}

/**
 * Deletes expired sessions, at most `maxBatches` batches with requests let in between, as
 * forgetExpiredThrottles does. Returns how many went; the rest wait for the next run.
 */
export async function forgetExpiredSessions({ now = new Date(), batchSize = 1_000, maxBatches = 10 } = {}): Promise<number> {
  let forgotten = 0;
  for (let batch = 0; batch < maxBatches; batch++) {
    const deleted = await deleteExpiredSessions(now, batchSize);
    forgotten += deleted;
    if (deleted < batchSize) break;
    await yieldToRequests();
  }
  return forgotten;
}
