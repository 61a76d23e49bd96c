import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Session as AuthSession } from 'next-auth';
import { describeBrowser } from '@/lib/auth/browser-name';
import { setPassword } from '@/lib/auth/password-change';
import { registerUser } from '@/lib/auth/registration';
import { BROWSER_SESSION_IDLE_MS, endAllSessions, endOtherSessions, endSession, forgetExpiredSessions, LAST_SEEN_RESOLUTION_MS, resumeSession, signedInDevices, startSession } from '@/lib/auth/sessions';
import { getDb } from '@/lib/db/client';
import { createUser } from '@/lib/db/users';
import { runMaintenance } from '@/lib/maintenance';
import { passwordFingerprint } from '@/lib/tokens';

// The session check looks for a session cookie, then reads it through Auth.js; here the
// test says what the request carries and what its cookie holds.
const cookie = vi.hoisted(() => ({ names: [] as string[], session: null as AuthSession | null }));
vi.mock('next/headers', () => ({ cookies: async () => ({ getAll: () => cookie.names.map((name) => ({ name, value: 'sealed' })) }) }));
const auth = vi.hoisted(() => vi.fn(async () => cookie.session));
vi.mock('@/auth', () => ({ auth }));
const spied = vi.hoisted(() => ({ resumeSession: undefined as unknown as ReturnType<typeof vi.fn> }));
vi.mock('@/lib/auth/sessions', async (importOriginal) => {
  const actual = await importOriginal<typeof import('@/lib/auth/sessions')>();
  spied.resumeSession = vi.fn(actual.resumeSession);
  return { ...actual, resumeSession: spied.resumeSession };
});
const { currentSession, verifySession } = await import('@/lib/auth/dal');

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
const CHROME_ON_LINUX = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36';
const FIREFOX_ON_WINDOWS = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0';

let accounts = 0;
/** An account straight in the database, for tests where its password does not matter. */
async function storedUser() {
  const name = `sessions${++accounts}`;
  const result = await createUser({ username: name, email: `${name}@example.com`, passwordHash: `scrypt$unused${accounts}` });
  if (!result.ok) throw new Error(`could not create ${name}`);
  return result.user;
}

async function sessionRows() {
  const { db, sessions } = await getDb();
  return db.select().from(sessions);
}

/** A request with a session cookie that holds this session. */
function presentCookie(user: { id: number; passwordHash: string }, sessionId: string): void {
  cookie.names = ['authjs.session-token'];
  cookie.session = {
    user: { id: String(user.id) },
    expires: new Date(Date.now() + DAY).toISOString(),
    sessionId,
    passwordFingerprint: passwordFingerprint(user.passwordHash),
    remember: false,
  };
}

beforeEach(async () => {
  const { db, sessions } = await getDb();
  await db.delete(sessions);
  cookie.names = [];
  cookie.session = null;
  auth.mockClear();
  spied.resumeSession.mockClear();
});

describe('sessions', () => {
  it('resumes a session by the id its cookie carries, with its user', async () => {
    const user = await storedUser();
    const id = await startSession(user.id, true, CHROME_ON_LINUX);
    expect(id).toMatch(/^[\w-]{22}$/);
    const live = await resumeSession(id, user.id);
    expect(live?.user.username).toBe(user.username);
    expect(live?.session).toMatchObject({ id, userId: user.id, remember: true, userAgent: CHROME_ON_LINUX });
  });

  it('gives every sign-in its own unguessable id', async () => {
    const user = await storedUser();
    const ids = new Set(await Promise.all(Array.from({ length: 20 }, () => startSession(user.id, false, ''))));
    expect(ids.size).toBe(20);
  });

  it('refuses a session id presented with another account', async () => {
    const [owner, other] = [await storedUser(), await storedUser()];
    const id = await startSession(owner.id, true, '');
    expect(await resumeSession(id, other.id)).toBeNull();
  });

  it('ends a session for every copy of its cookie at logout, and no other session', async () => {
    const user = await storedUser();
    const [ended, kept] = [await startSession(user.id, true, ''), await startSession(user.id, true, '')];
    await endSession(ended);
    expect(await resumeSession(ended, user.id)).toBeNull();
    expect(await resumeSession(kept, user.id)).not.toBeNull();
  });

  it('keeps only as much of a User-Agent as naming the browser needs', async () => {
    const user = await storedUser();
    await startSession(user.id, true, `${CHROME_ON_LINUX} ${'x'.repeat(100_000)}`);
    expect((await sessionRows())[0]?.userAgent).toHaveLength(256);
  });

  it('writes "last seen" at most once every five minutes', async () => {
    const user = await storedUser();
    const start = new Date('2030-01-01T00:00:00Z');
    const id = await startSession(user.id, true, '', start);
    await resumeSession(id, user.id, new Date(start.getTime() + LAST_SEEN_RESOLUTION_MS - 1));
    expect((await sessionRows())[0]?.lastSeenAt).toEqual(start);
    const later = new Date(start.getTime() + LAST_SEEN_RESOLUTION_MS);
    expect((await resumeSession(id, user.id, later))?.session.lastSeenAt).toEqual(later);
    expect((await sessionRows())[0]?.lastSeenAt).toEqual(later);
  });

  it('ends a browser session unused for a day, and keeps one in use', async () => {
    const user = await storedUser();
    const start = new Date('2030-01-01T00:00:00Z');
    const idle = await startSession(user.id, false, '', start);
    const used = await startSession(user.id, false, '', start);
    const at = (ms: number) => new Date(start.getTime() + ms);
    expect(await resumeSession(used, user.id, at(BROWSER_SESSION_IDLE_MS - MINUTE))).not.toBeNull();
    expect(await resumeSession(idle, user.id, at(BROWSER_SESSION_IDLE_MS))).toBeNull();
    expect(await resumeSession(used, user.id, at(2 * BROWSER_SESSION_IDLE_MS - 2 * MINUTE))).not.toBeNull();
  });

  it('ends any session 30 days after sign-in, however often it is used', async () => {
    const user = await storedUser();
    const start = new Date('2030-01-01T00:00:00Z');
    const remembered = await startSession(user.id, true, '', start);
    const browser = await startSession(user.id, false, '', start);
    for (let halfDays = 1; halfDays < 60; halfDays++) {
      const now = new Date(start.getTime() + (halfDays * DAY) / 2);
      expect(await resumeSession(remembered, user.id, now)).not.toBeNull();
      expect(await resumeSession(browser, user.id, now)).not.toBeNull();
    }
    expect(await resumeSession(remembered, user.id, new Date(start.getTime() + 30 * DAY))).toBeNull();
    expect(await resumeSession(browser, user.id, new Date(start.getTime() + 30 * DAY))).toBeNull();
  });

  it('signs out the other devices and keeps this one', async () => {
    const [user, neighbour] = [await storedUser(), await storedUser()];
    const [here, there, elsewhere] = [await startSession(user.id, true, ''), await startSession(user.id, false, ''), await startSession(user.id, true, '')];
    const neighbours = await startSession(neighbour.id, true, '');
    expect(await endOtherSessions(user.id, here)).toBe(2);
    expect(await resumeSession(here, user.id)).not.toBeNull();
    expect(await resumeSession(there, user.id)).toBeNull();
    expect(await resumeSession(elsewhere, user.id)).toBeNull();
    expect(await resumeSession(neighbours, neighbour.id)).not.toBeNull();
  });

  it('ends every session of the account when its password is set, and no one else’s', async () => {
    const registered = await registerUser({ username: 'newpassword', email: 'newpassword@example.com', password: 'original password' }, '192.0.2.1');
    if (!registered.ok || !registered.created) throw new Error('could not register');
    const user = registered.created;
    const neighbour = await storedUser();
    const sessions = [await startSession(user.id, true, ''), await startSession(user.id, false, '')];
    const neighbours = await startSession(neighbour.id, true, '');
    expect(await setPassword(user, 'a brand new password')).toMatchObject({ ok: true });
    for (const id of sessions) expect(await resumeSession(id, user.id)).toBeNull();
    expect(await resumeSession(neighbours, neighbour.id)).not.toBeNull();
  });

  it('lists the live sessions of the account, the most recently seen first', async () => {
    const [user, neighbour] = [await storedUser(), await storedUser()];
    const now = Date.now();
    const older = await startSession(user.id, true, FIREFOX_ON_WINDOWS, new Date(now - 3 * DAY));
    const newer = await startSession(user.id, true, CHROME_ON_LINUX, new Date(now - DAY));
    await startSession(user.id, false, CHROME_ON_LINUX, new Date(now - 2 * DAY));
    await startSession(neighbour.id, true, CHROME_ON_LINUX);
    expect((await signedInDevices(user.id)).map((session) => session.id)).toEqual([newer, older]);
  });

  it('deletes expired sessions a bounded batch at a time, and leaves live ones', async () => {
    const user = await storedUser();
    const longAgo = new Date(Date.now() - 40 * DAY);
    for (let index = 0; index < 5; index++) await startSession(user.id, true, '', longAgo);
    const live = await startSession(user.id, false, '');
    expect(await forgetExpiredSessions({ batchSize: 2, maxBatches: 2 })).toBe(4);
    expect(await forgetExpiredSessions({ batchSize: 2, maxBatches: 2 })).toBe(1);
    expect((await sessionRows()).map((row) => row.id)).toEqual([live]);
  });

  it('are tidied by the maintenance chores', async () => {
    const user = await storedUser();
    await startSession(user.id, false, '', new Date(Date.now() - 2 * DAY));
    expect((await runMaintenance()).expiredSessionsForgotten).toBe(1);
    expect(await sessionRows()).toEqual([]);
  });
});

describe('the session check', () => {
  it('does no database or Auth.js work for a request without a session cookie', async () => {
    cookie.names = ['locale', 'device'];
    expect(await verifySession()).toBeNull();
    expect(auth).not.toHaveBeenCalled();
    expect(spied.resumeSession).not.toHaveBeenCalled();
  });

  it('signs in the cookie of a live session', async () => {
    const user = await storedUser();
    const id = await startSession(user.id, true, '');
    presentCookie(user, id);
    expect((await verifySession())?.id).toBe(user.id);
    expect((await currentSession())?.session.id).toBe(id);
  });

  it('treats a cookie copied before logout as signed out', async () => {
    const user = await storedUser();
    const id = await startSession(user.id, true, '');
    presentCookie(user, id);
    await endSession(id);
    expect(await verifySession()).toBeNull();
  });

  it('treats a cookie from before sessions had rows as signed out', async () => {
    const user = await storedUser();
    presentCookie(user, '');
    expect(await verifySession()).toBeNull();
    expect(spied.resumeSession).not.toHaveBeenCalled();
  });

  it('refuses a session opened with the password before the last change, even if its row survived', async () => {
    const user = await storedUser();
    const id = await startSession(user.id, true, '');
    presentCookie({ ...user, passwordHash: 'scrypt$the-old-one' }, id);
    expect(await verifySession()).toBeNull();
  });

  it('signs out everywhere once every session of the account has ended', async () => {
    const user = await storedUser();
    const id = await startSession(user.id, true, '');
    presentCookie(user, id);
    await endAllSessions(user.id);
    expect(await verifySession()).toBeNull();
  });
});

describe('naming a browser', () => {
  it.each([
    [CHROME_ON_LINUX, 'Chrome', 'Linux'],
    [FIREFOX_ON_WINDOWS, 'Firefox', 'Windows'],
    ['Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0', 'Edge', 'Windows'],
    ['Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Safari/605.1.15', 'Safari', 'macOS'],
    ['Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1', 'Safari', 'iOS'],
    ['Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) CriOS/131.0.6778.73 Mobile/15E148 Safari/604.1', 'Chrome', 'iOS'],
    ['Mozilla/5.0 (Linux; Android 14; SM-S918B) AppleWebKit/537.36 (KHTML, like Gecko) SamsungBrowser/26.0 Chrome/122.0.0.0 Mobile Safari/537.36', 'Samsung Internet', 'Android'],
    ['Mozilla/5.0 (X11; CrOS x86_64 14541.0.0) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36', 'Chrome', 'ChromeOS'],
    ['Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 OPR/114.0.0.0', 'Opera', 'Windows'],
    ['Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/131.0.0.0 Safari/537.36', 'Chrome', 'Linux'],
  ])('names %s', (userAgent, browser, platform) => {
    expect(describeBrowser(userAgent)).toEqual({ browser, platform });
  });

  it('names nothing it does not recognise', () => {
    expect(describeBrowser('curl/8.5.0')).toEqual({ browser: null, platform: null });
    expect(describeBrowser('')).toEqual({ browser: null, platform: null });
  });
});
