import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { CHANGE_EMAIL, CONFIRM_EMAIL, fingerprintMatches, RESET_PASSWORD, signToken, verifyToken } from '@/lib/tokens';

const HASH = 'scrypt$N=131072,r=8,p=1$salt$key';
const user = { userId: 42, purpose: RESET_PASSWORD, boundTo: HASH } as const;

const b64url = (value: object | string) => Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)).toString('base64url');

function forge(header: object, payload: object, key = process.env.SECRET_KEY ?? '') {
  const body = `${b64url(header)}.${b64url(payload)}`;
  return `${body}.${createHmac('sha256', key).update(body).digest('base64url')}`;
}

describe('reset tokens', () => {
  it('accepts a fresh token and names its user and purpose', async () => {
    const { token } = await signToken(user);
    const check = await verifyToken(token, RESET_PASSWORD);
    expect(check).toMatchObject({ ok: true, claims: { userId: 42, purpose: RESET_PASSWORD } });
  });

  it('expires after ten minutes', async () => {
    const now = Date.now();
    const { token, expiresAt } = await signToken(user, { now });
    expect(expiresAt.getTime() - now).toBeLessThanOrEqual(10 * 60 * 1000);
    expect((await verifyToken(token, RESET_PASSWORD, { now: now + 9 * 60 * 1000 })).ok).toBe(true);
    expect(await verifyToken(token, RESET_PASSWORD, { now: now + 10 * 60 * 1000 + 1000 })).toEqual({ ok: false, reason: 'expired' });
  });

  it('refuses a token whose payload was tampered with', async () => {
    const { token } = await signToken(user);
    const [header, payload, signature] = token.split('.') as [string, string, string];
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString());
    const tampered = `${header}.${b64url({ ...claims, sub: '1' })}.${signature}`;
    expect(await verifyToken(tampered, RESET_PASSWORD)).toEqual({ ok: false, reason: 'invalid' });
  });

  it('refuses a token signed with another key', async () => {
    const { token } = await signToken(user, { secret: 'another-secret-key-that-is-long-enough-9876' });
    expect(await verifyToken(token, RESET_PASSWORD)).toEqual({ ok: false, reason: 'invalid' });
  });

  it('refuses an unsigned token (alg: none)', async () => {
    const exp = Math.floor(Date.now() / 1000) + 600;
    const unsigned = `${b64url({ alg: 'none', typ: 'JWT' })}.${b64url({ sub: '42', purpose: RESET_PASSWORD, fp: 'x', exp })}.`;
    expect(await verifyToken(unsigned, RESET_PASSWORD)).toEqual({ ok: false, reason: 'invalid' });
  });

  it('refuses a token with the right key but another algorithm', async () => {
    const exp = Math.floor(Date.now() / 1000) + 600;
    const token = forge({ alg: 'HS512', typ: 'JWT' }, { sub: '42', purpose: RESET_PASSWORD, fp: 'x', exp });
    expect((await verifyToken(token, RESET_PASSWORD)).ok).toBe(false);
  });

  it('refuses a token made for another purpose', async () => {
    const exp = Math.floor(Date.now() / 1000) + 600;
    const token = forge({ alg: 'HS256', typ: 'JWT' }, { sub: '42', purpose: 'confirm-email', fp: 'x', exp });
    expect(await verifyToken(token, RESET_PASSWORD)).toEqual({ ok: false, reason: 'invalid' });
  });

  it('refuses a token without an expiry', async () => {
    const token = forge({ alg: 'HS256', typ: 'JWT' }, { sub: '42', purpose: RESET_PASSWORD, fp: 'x' });
    expect((await verifyToken(token, RESET_PASSWORD)).ok).toBe(false);
  });

  it('no longer matches once the password has changed', async () => {
    const { token } = await signToken(user);
    const check = await verifyToken(token, RESET_PASSWORD);
    if (!check.ok) throw new Error('expected a valid token');
    expect(fingerprintMatches(check.claims, HASH)).toBe(true);
    expect(fingerprintMatches(check.claims, 'scrypt$N=131072,r=8,p=1$salt$other')).toBe(false);
  });

  it('never carries the password hash itself', async () => {
    const { token } = await signToken(user);
    const payload = Buffer.from(token.split('.')[1] ?? '', 'base64url').toString();
    expect(payload).not.toContain(HASH);
    expect(payload).not.toContain('scrypt');
  });

  it.each([
    ['an empty string', ''],
    ['garbage', 'not-a-token'],
    ['three dots of garbage', 'a.b.c'],
    ['non-base64 parts', '%%%.$$$.@@@'],
    ['an oversized token', 'a'.repeat(100_000)],
  ])('refuses %s without throwing', async (_name, token) => {
    const check = await verifyToken(token, RESET_PASSWORD);
    expect(check.ok).toBe(false);
  });
});

describe('email link tokens', () => {
  const link = { userId: 7, purpose: CONFIRM_EMAIL, boundTo: 'ann@example.com', email: 'ann@example.com' } as const;

  it('confirm links last 48 hours and carry the address they confirm', async () => {
    const now = Date.now();
    const { token } = await signToken(link, { now });
    expect(await verifyToken(token, CONFIRM_EMAIL, { now: now + 47 * 3600_000 })).toMatchObject({ ok: true, claims: { email: 'ann@example.com' } });
    expect(await verifyToken(token, CONFIRM_EMAIL, { now: now + 48 * 3600_000 + 1000 })).toEqual({ ok: false, reason: 'expired' });
  });

  it.each([
    [CONFIRM_EMAIL, RESET_PASSWORD],
    [CONFIRM_EMAIL, CHANGE_EMAIL],
    [CHANGE_EMAIL, CONFIRM_EMAIL],
    [RESET_PASSWORD, CONFIRM_EMAIL],
  ] as const)('a %s token is refused as %s', async (made, used) => {
    const { token } = await signToken({ ...link, purpose: made });
    expect(await verifyToken(token, used)).toEqual({ ok: false, reason: 'invalid' });
  });

  it('binds each purpose apart: the same state gives another fingerprint', async () => {
    const confirm = await verifyToken((await signToken(link)).token, CONFIRM_EMAIL);
    const change = await verifyToken((await signToken({ ...link, purpose: CHANGE_EMAIL })).token, CHANGE_EMAIL);
    if (!confirm.ok || !change.ok) throw new Error('expected valid tokens');
    expect(confirm.claims.fingerprint).not.toBe(change.claims.fingerprint);
    expect(fingerprintMatches(confirm.claims, 'ann@example.com')).toBe(true);
    expect(fingerprintMatches(confirm.claims, 'new@example.com')).toBe(false);
  });
});
