import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { registerUser } from '@/lib/auth/registration';
import { checkResetLink, requestPasswordReset, resetPassword } from '@/lib/auth/password-reset';
import { getDb } from '@/lib/db/client';
import { createUser, findUserById } from '@/lib/db/users';
import { verifyPassword } from '@/lib/auth/passwords';

async function outboxRows() {
  const { db, outbox } = await getDb();
  // In the order they were queued: Postgres returns an updated row wherever its new version landed.
  return db.select().from(outbox).orderBy(outbox.id);
}

async function newUser(name: string) {
  const result = await registerUser({ username: name, email: `${name}@example.com`, password: 'original password' }, anyIp());
  if (!result.ok || !result.created) throw new Error(`could not create ${name}`);
  return result.created;
}

/** An account straight in the database, for tests where its password does not matter. */
async function storedUser(name: string) {
  const result = await createUser({ username: name, email: `${name}@example.com`, passwordHash: 'scrypt$unused' });
  if (!result.ok) throw new Error(`could not create ${name}`);
  return result.user;
}

const RESET_SUBJECT = '[Microblog] Reset Your Password';
let nextIp = 0;
// A fresh client address per request, so the per-address limit never decides a test about something else.
const anyIp = () => `192.0.2.${++nextIp}`;

async function linkFor(email: string): Promise<string> {
  await requestPasswordReset(email, anyIp());
  const row = (await outboxRows()).filter((r) => r.to.includes(email) && r.subject === RESET_SUBJECT).at(-1);
  const token = row?.text.match(/\/reset\/([\w.-]+)/)?.[1];
  if (!token) throw new Error('no reset link was mailed');
  return token;
}

describe('forgot password', () => {
  beforeAll(async () => {
    const { db, outbox } = await getDb();
    await db.delete(outbox);
  });

  it('queues one email for a known address, built from APP_URL', async () => {
    const user = await newUser('known');
    const before = (await outboxRows()).length;
    await requestPasswordReset('KNOWN@example.com', anyIp());
    const rows = await outboxRows();
    expect(rows.length).toBe(before + 1);
    const row = rows.at(-1);
    expect(row?.to).toEqual([user.email]);
    expect(row?.subject).toBe(RESET_SUBJECT);
    expect(row?.sender).toBe('admin@app.test');
    expect(row?.text).toContain('Dear known,');
    expect(row?.text).toMatch(/http:\/\/app\.test\/reset\/[\w-]+\.[\w-]+\.[\w-]+/);
    expect(row?.html).toContain('href="http://app.test/reset/');
    expect(row?.expiresAt?.getTime()).toBeLessThanOrEqual(Date.now() + 10 * 60 * 1000);
  });

  it('queues nothing for an unknown address', async () => {
    const before = (await outboxRows()).length;
    await requestPasswordReset('nobody@example.com', anyIp());
    expect((await outboxRows()).length).toBe(before);
  });

  it('mails an address at most 3 times in 15 minutes, however many clients ask', async () => {
    const user = await newUser('flooded');
    for (let request = 0; request < 6; request++) await requestPasswordReset(user.email, anyIp());
    expect((await outboxRows()).filter((row) => row.to.includes(user.email) && row.subject === RESET_SUBJECT)).toHaveLength(3);
  });

  it('stops mailing for a client after 20 requests in 15 minutes', async () => {
    const targets = await Promise.all(Array.from({ length: 22 }, (_, index) => storedUser(`target${index}`)));
    for (const target of targets) await requestPasswordReset(target.email, '198.51.100.7');
    const mailed = (await outboxRows()).filter((row) => row.subject === RESET_SUBJECT && targets.some((target) => row.to.includes(target.email)));
    expect(mailed).toHaveLength(20);
  });
});

describe('reset password', () => {
  it('sets the new password and the old one stops working', async () => {
    const user = await newUser('resetter');
    const token = await linkFor(user.email);
    expect((await resetPassword(token, 'brand new password')).ok).toBe(true);
    const stored = await findUserById(user.id);
    expect(await verifyPassword('brand new password', stored?.passwordHash ?? '')).toBe(true);
    expect(await verifyPassword('original password', stored?.passwordHash ?? '')).toBe(false);
  });

  it('refuses a link that was already used', async () => {
    const user = await newUser('reuser');
    const token = await linkFor(user.email);
    expect((await resetPassword(token, 'first new password')).ok).toBe(true);
    expect(await resetPassword(token, 'second new password')).toEqual({ ok: false, reason: 'used' });
    expect(await checkResetLink(token)).toEqual({ ok: false, reason: 'used' });
  });

  it('leaves the link working when it is only opened', async () => {
    const user = await newUser('opener');
    const token = await linkFor(user.email);
    await checkResetLink(token);
    await checkResetLink(token);
    expect((await checkResetLink(token)).ok).toBe(true);
  });

  it('lets exactly one of two simultaneous submits win', async () => {
    const user = await newUser('racer');
    const token = await linkFor(user.email);
    const results = await Promise.all([resetPassword(token, 'first of two passwords'), resetPassword(token, 'second of two passwords')]);
    expect(results.filter((result) => result.ok)).toHaveLength(1);
  });

  it('retires older links once any link is used', async () => {
    const user = await newUser('twolinks');
    const first = await linkFor(user.email);
    await new Promise((resolve) => setTimeout(resolve, 1100));
    const second = await linkFor(user.email);
    expect((await resetPassword(second, 'a new password here')).ok).toBe(true);
    expect((await checkResetLink(first)).ok).toBe(false);
  });

  it('mails the owner that the password was changed, with a way to reset it again', async () => {
    const user = await newUser('notified');
    const token = await linkFor(user.email);
    expect((await resetPassword(token, 'a changed password')).ok).toBe(true);
    const notice = (await outboxRows()).filter((row) => row.to.includes(user.email)).at(-1);
    expect(notice?.subject).toBe('[Microblog] Your password was changed');
    expect(notice?.text).toContain('Dear notified,');
    expect(notice?.text).toMatch(/changed on \d{1,2} \w+ \d{4} at \d{2}:\d{2} UTC/);
    expect(notice?.text).toContain('http://app.test/forgot-password');
  });

  it('refuses one of the most common passwords and leaves the link working', async () => {
    const user = await newUser('commoner');
    const token = await linkFor(user.email);
    const result = await resetPassword(token, 'Password1');
    expect(result).toMatchObject({ ok: false, reason: 'weak-password', problem: 'common' });
    expect((await checkResetLink(token)).ok).toBe(true);
  });

  it('refuses a password that contains the username', async () => {
    const user = await newUser('gertrude');
    const token = await linkFor(user.email);
    expect(await resetPassword(token, 'my name is Gertrude!')).toMatchObject({ ok: false, reason: 'weak-password' });
  });

  it('refuses a link for a user who no longer exists', async () => {
    const user = await newUser('leaver');
    const token = await linkFor(user.email);
    const { db, users } = await getDb();
    await db.delete(users).where(eq(users.id, user.id));
    expect(await checkResetLink(token)).toEqual({ ok: false, reason: 'invalid' });
  });
});
