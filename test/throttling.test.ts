import { describe, expect, it } from 'vitest';
import { authenticate } from '@/lib/auth/authenticate';
import { setPassword } from '@/lib/auth/password-change';
import { registerUser } from '@/lib/auth/registration';
import { forgetExpiredThrottles, mayRequestReset, maySignIn, maySignUp, noteSignedIn } from '@/lib/auth/throttling';
import { getDb } from '@/lib/db/client';
import { addressFromHeaders, PEER_ADDRESS_HEADER, VERCEL_CLIENT_HEADER } from '@/lib/http/client-address';
import { runMaintenance } from '@/lib/maintenance';

const MINUTE = 60_000;

describe('sign-in attempts', () => {
  it('allows five quick tries at an account, then makes each wait twice as long as the last, from 30 s', async () => {
    const start = 1_000_000_000_000;
    const SECOND = 1_000;
    for (let attempt = 0; attempt < 5; attempt++) expect(await maySignIn('victim', '203.0.113.1', null, start)).toBe(true);
    expect(await maySignIn('victim', '203.0.113.2', null, start + 29 * SECOND)).toBe(false);
    expect(await maySignIn('victim', '203.0.113.2', null, start + 30 * SECOND)).toBe(true);
    expect(await maySignIn('victim', '203.0.113.3', null, start + 89 * SECOND)).toBe(false);
    expect(await maySignIn('victim', '203.0.113.3', null, start + 90 * SECOND)).toBe(true);
    expect(await maySignIn('victim', '203.0.113.4', null, start + 209 * SECOND)).toBe(false);
    expect(await maySignIn('victim', '203.0.113.4', null, start + 210 * SECOND)).toBe(true);
  });

  it('counts an account the same whatever the case of its name', async () => {
    const start = 1_100_000_000_000;
    for (let attempt = 0; attempt < 5; attempt++) await maySignIn(attempt % 2 ? 'Casey' : 'CASEY', `203.0.113.${10 + attempt}`, null, start);
    expect(await maySignIn('casey', '203.0.113.20', null, start)).toBe(false);
  });

  it('forgets the tries after 15 quiet minutes', async () => {
    const start = 1_200_000_000_000;
    for (let attempt = 0; attempt < 12; attempt++) await maySignIn('forgotten', '203.0.113.30', null, start + attempt * 20 * MINUTE);
    expect(await maySignIn('forgotten', '203.0.113.30', null, start + 12 * 20 * MINUTE)).toBe(true);
  });

  it('starts an account afresh after a successful sign-in', async () => {
    const start = 1_300_000_000_000;
    for (let attempt = 0; attempt < 5; attempt++) await maySignIn('owner', '203.0.113.40', null, start);
    await noteSignedIn('owner', '203.0.113.40');
    expect(await maySignIn('owner', '203.0.113.40', null, start)).toBe(true);
  });

  it('slows one address trying many accounts', async () => {
    const start = 1_400_000_000_000;
    for (let attempt = 0; attempt < 20; attempt++) expect(await maySignIn(`spray${attempt}`, '203.0.113.50', null, start)).toBe(true);
    expect(await maySignIn('spray-next', '203.0.113.50', null, start)).toBe(false);
  });
});

async function counters() {
  const { db, throttle } = await getDb();
  return db.select().from(throttle).orderBy(throttle.key);
}

async function forgetAllCounters() {
  const { db, throttle } = await getDb();
  await db.delete(throttle);
}

describe('reset-request counters', () => {
  it('mails an address at most 3 times in 15 minutes, whichever clients ask', async () => {
    const start = 1_500_000_000_000;
    const asked: boolean[] = [];
    for (let index = 0; index < 5; index += 1) asked.push(await mayRequestReset('Target@example.com', `198.51.100.${index}`, start + index));
    expect(asked).toEqual([true, true, true, false, false]);
    expect(await mayRequestReset('target@example.com', '198.51.100.9', start + 15 * MINUTE)).toBe(true);
  });

  it('writes nothing for a request from a client that is already throttled', async () => {
    const start = 1_600_000_000_000;
    for (let index = 0; index < 20; index += 1) expect(await mayRequestReset(`someone${index}@example.com`, '198.51.100.77', start)).toBe(true);
    const before = await counters();
    for (let index = 20; index < 120; index += 1) expect(await mayRequestReset(`someone${index}@example.com`, '198.51.100.77', start + index)).toBe(false);
    expect(await counters()).toEqual(before);
  });

  it('forgets each counter once it has started afresh, a bounded batch at a time, and keeps the others', async () => {
    await forgetAllCounters();
    const now = 1_700_000_000_000;
    for (let index = 0; index < 25; index += 1) await mayRequestReset(`old${index}@example.com`, `192.0.2.${index}`, now - 16 * MINUTE);
    await maySignIn('recent', '192.0.2.200', null, now - 14 * MINUTE);
    // Sign-ups are counted per hour: 30 minutes of quiet is not enough to forget one.
    await maySignUp('192.0.2.201', now - 61 * MINUTE);
    await maySignUp('192.0.2.202', now - 30 * MINUTE);
    expect(await counters()).toHaveLength(54);

    expect(await forgetExpiredThrottles({ now, batchSize: 10, maxBatches: 3 })).toBe(30);
    expect(await counters()).toHaveLength(24);
    expect(await forgetExpiredThrottles({ now, batchSize: 10, maxBatches: 3 })).toBe(20);
    expect(await forgetExpiredThrottles({ now, batchSize: 10 })).toBe(1);
    expect((await counters()).map((row) => row.key).sort()).toEqual(['signin:ip:192.0.2.200', 'signin:user:recent', 'signup:ip:192.0.2.202']);
  });

  it('forgets them on each maintenance run, as the server’s timer and the cron route make', async () => {
    await forgetAllCounters();
    await mayRequestReset('stale@example.com', '192.0.2.250', Date.now() - 20 * MINUTE);
    await mayRequestReset('fresh@example.com', '192.0.2.251');
    expect((await runMaintenance()).throttleCountersForgotten).toBe(2);
    expect(await counters()).toHaveLength(2);
  });
});

describe('authenticate', () => {
  it('refuses even the right password once an account has had five quick wrong ones', async () => {
    await registerUser({ username: 'guarded', email: 'guarded@example.com', password: 'the right password' }, '192.0.2.251');
    for (let attempt = 0; attempt < 5; attempt++) {
      expect(await authenticate('guarded', `wrong guess ${attempt}`, `203.0.113.${60 + attempt}`)).toEqual({ ok: false, reason: 'invalid' });
    }
    expect(await authenticate('guarded', 'the right password', '203.0.113.70')).toEqual({ ok: false, reason: 'throttled' });
  });

  it('lets the owner in from a browser that signed in before, while guessers are made to wait', async () => {
    await registerUser({ username: 'trusted', email: 'trusted@example.com', password: 'the right password' }, '192.0.2.252');
    const ownDevice = 'device-of-the-owner';
    expect((await authenticate('trusted', 'the right password', '203.0.113.80', ownDevice)).ok).toBe(true);
    for (let attempt = 0; attempt < 6; attempt++) await authenticate('trusted', `guess ${attempt}`, `203.0.113.${81 + attempt}`);
    expect(await authenticate('trusted', 'the right password', '203.0.113.90')).toEqual({ ok: false, reason: 'throttled' });
    expect((await authenticate('trusted', 'the right password', '203.0.113.80', ownDevice)).ok).toBe(true);
  });

  it('starts the account count afresh once the password is reset', async () => {
    const result = await registerUser({ username: 'resetting', email: 'resetting@example.com', password: 'the first password' }, '192.0.2.253');
    if (!result.ok || !result.created) throw new Error('could not register');
    for (let attempt = 0; attempt < 6; attempt++) await authenticate('resetting', `guess ${attempt}`, `203.0.113.${100 + attempt}`);
    expect((await setPassword(result.created, 'the second password')).ok).toBe(true);
    expect((await authenticate('resetting', 'the second password', '203.0.113.110')).ok).toBe(true);
  });
});

describe('the client address', () => {
  const headers = (entries: Record<string, string>) => new Headers(entries);

  it('is the TCP peer when the app is not behind a proxy, whatever X-Forwarded-For says', () => {
    const forged = headers({ 'x-forwarded-for': '1.2.3.4', [PEER_ADDRESS_HEADER]: '198.51.100.9' });
    expect(addressFromHeaders(forged, 'peer')).toBe('198.51.100.9');
  });

  it('is the entry the trusted proxy appended, not one the client wrote before it', () => {
    const forwarded = headers({ 'x-forwarded-for': '1.2.3.4, 198.51.100.9', [PEER_ADDRESS_HEADER]: '10.0.0.1' });
    expect(addressFromHeaders(forwarded, 'proxy')).toBe('198.51.100.9');
  });

  it('is the address Vercel’s edge wrote on Vercel, whatever the client put in X-Forwarded-For', () => {
    const onVercel = headers({ [VERCEL_CLIENT_HEADER]: '198.51.100.9', 'x-forwarded-for': '1.2.3.4', [PEER_ADDRESS_HEADER]: '10.0.0.1' });
    expect(addressFromHeaders(onVercel, 'vercel')).toBe('198.51.100.9');
  });

  it('ignores the Vercel header off Vercel, where any client can send it', () => {
    const forged = headers({ [VERCEL_CLIENT_HEADER]: '1.2.3.4', [PEER_ADDRESS_HEADER]: '198.51.100.9' });
    expect(addressFromHeaders(forged, 'peer')).toBe('198.51.100.9');
    expect(addressFromHeaders(headers({ ...Object.fromEntries(forged), 'x-forwarded-for': '198.51.100.7' }), 'proxy')).toBe('198.51.100.7');
  });

  it('falls back to the TCP peer on Vercel when the edge header is missing', () => {
    expect(addressFromHeaders(headers({ [PEER_ADDRESS_HEADER]: '10.0.0.1', 'x-forwarded-for': '1.2.3.4' }), 'vercel')).toBe('10.0.0.1');
  });
});
