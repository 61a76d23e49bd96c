import { describe, expect, it } from 'vitest';
import { followEmailLink, requestEmailChange, resendConfirmation } from '@/lib/auth/email-links';
import { changePassword } from '@/lib/auth/password-change';
import { checkResetLink } from '@/lib/auth/password-reset';
import { registerUser } from '@/lib/auth/registration';
import { getDb } from '@/lib/db/client';
import { createUser, findUserByEmail, findUserById } from '@/lib/db/users';
import { CHANGE_EMAIL, CONFIRM_EMAIL, RESET_PASSWORD, signToken } from '@/lib/tokens';

let counter = 0;
const unique = (name: string) => `${name}${++counter}`;
let nextIp = 0;
const anyIp = () => `198.51.100.${++nextIp}`;

async function mailTo(address: string, subject: string) {
  const { db, outbox } = await getDb();
  return (await db.select().from(outbox).orderBy(outbox.id)).filter((row) => row.to.includes(address) && row.subject === subject);
}

const tokenIn = (text: string | undefined) => text?.match(/\/confirm\/([\w.-]+)/)?.[1] ?? '';

async function registered(password = 'a long enough password') {
  const name = unique('member');
  const result = await registerUser({ username: name, email: `${name}@example.com`, password }, anyIp());
  if (!result.ok || !result.created) throw new Error('could not register');
  return result.created;
}

describe('confirming the address at sign-up', () => {
  it('mails a confirmation link that confirms the address, and says the same when followed again', async () => {
    const user = await registered();
    expect(user.emailConfirmedAt).toBeNull();
    const [mail] = await mailTo(user.email, '[Microblog] Confirm Your Email');
    expect(mail?.text).toContain('http://app.test/confirm/');
    expect(mail?.expiresAt?.getTime()).toBeGreaterThan(Date.now() + 47 * 3600_000);
    const token = tokenIn(mail?.text);
    expect(await followEmailLink(token)).toEqual({ ok: true });
    const confirmedAt = (await findUserById(user.id))?.emailConfirmedAt;
    expect(confirmedAt).toBeInstanceOf(Date);
    expect(await followEmailLink(token)).toEqual({ ok: true });
    expect((await findUserById(user.id))?.emailConfirmedAt).toEqual(confirmedAt);
  });

  it('refuses a confirmation link after 48 hours', async () => {
    const user = await registered();
    const { token } = await signToken(
      { userId: user.id, purpose: CONFIRM_EMAIL, boundTo: user.email, email: user.email },
      { now: Date.now() - 48 * 3600_000 - 1000 },
    );
    expect(await followEmailLink(token)).toEqual({ ok: false, reason: 'invalid' });
    expect((await findUserById(user.id))?.emailConfirmedAt).toBeNull();
  });

  it('never takes a reset token as a confirmation, nor a confirmation as a reset', async () => {
    const user = await registered();
    const reset = await signToken({ userId: user.id, purpose: RESET_PASSWORD, boundTo: user.passwordHash });
    expect(await followEmailLink(reset.token)).toEqual({ ok: false, reason: 'invalid' });
    const confirmation = tokenIn((await mailTo(user.email, '[Microblog] Confirm Your Email'))[0]?.text);
    expect((await checkResetLink(confirmation)).ok).toBe(false);
    expect((await findUserById(user.id))?.emailConfirmedAt).toBeNull();
  });

  it('refuses a tampered link', async () => {
    const user = await registered();
    const token = tokenIn((await mailTo(user.email, '[Microblog] Confirm Your Email'))[0]?.text);
    expect(await followEmailLink(`${token.slice(0, -2)}xx`)).toEqual({ ok: false, reason: 'invalid' });
  });

  it('resends the link three times in 15 minutes, then says to wait', async () => {
    const user = await registered();
    const outcomes = [];
    for (let attempt = 0; attempt < 4; attempt++) outcomes.push(await resendConfirmation(user, anyIp()));
    expect(outcomes).toEqual(['sent', 'sent', 'sent', 'throttled']);
  });
});

describe('signing up with an address that has an account', () => {
  it('answers as for a new address, makes no account, and tells the owner', async () => {
    const owner = await registered();
    const result = await registerUser({ username: unique('intruder'), email: owner.email.toUpperCase(), password: 'another long password' }, anyIp());
    expect(result).toEqual({ ok: true, created: null });
    expect((await findUserByEmail(owner.email))?.id).toBe(owner.id);
    const [notice] = await mailTo(owner.email, '[Microblog] Someone tried to sign up with your address');
    expect(notice?.text).toContain('http://app.test/forgot-password');
  });

  it('still refuses a taken username, which is public', async () => {
    const owner = await registered();
    expect(await registerUser({ username: owner.username, email: `${unique('other')}@example.com`, password: 'another long password' }, anyIp())).toEqual({
      ok: false,
      reason: 'username-taken',
    });
  });
});

describe('changing the address', () => {
  it('sends the link to the new address, warns the old one without a link, and moves only when followed', async () => {
    const user = await registered('the current password');
    const newEmail = `${unique('moved')}@example.com`;
    expect(await requestEmailChange(user, newEmail, 'the current password', anyIp())).toEqual({ ok: true });
    expect((await findUserById(user.id))?.email).toBe(user.email);
    const [warning] = await mailTo(user.email, '[Microblog] Your email address is changing');
    expect(warning?.text).toContain(newEmail);
    expect(warning?.text).not.toContain('/confirm/');
    const token = tokenIn((await mailTo(newEmail, '[Microblog] Confirm Your New Email'))[0]?.text);
    expect(await followEmailLink(token)).toEqual({ ok: true });
    expect(await findUserById(user.id)).toMatchObject({ email: newEmail, emailConfirmedAt: expect.any(Date) });
    expect(await followEmailLink(token)).toEqual({ ok: true });
  });

  it('retires the old address’s confirmation link once the address has changed', async () => {
    const user = await registered('the current password');
    const oldConfirmation = tokenIn((await mailTo(user.email, '[Microblog] Confirm Your Email'))[0]?.text);
    const newEmail = `${unique('moved')}@example.com`;
    await requestEmailChange(user, newEmail, 'the current password', anyIp());
    await followEmailLink(tokenIn((await mailTo(newEmail, '[Microblog] Confirm Your New Email'))[0]?.text));
    expect(await followEmailLink(oldConfirmation)).toEqual({ ok: false, reason: 'invalid' });
  });

  it('refuses a wrong current password and the address it already has', async () => {
    const user = await registered('the current password');
    expect(await requestEmailChange(user, `${unique('x')}@example.com`, 'not my password', anyIp())).toEqual({ ok: false, reason: 'wrong-password' });
    expect(await requestEmailChange(user, user.email.toUpperCase(), 'the current password', anyIp())).toEqual({ ok: false, reason: 'unchanged' });
  });

  it('changes nothing when another account took the address meanwhile', async () => {
    const user = await registered('the current password');
    const wanted = `${unique('wanted')}@example.com`;
    await requestEmailChange(user, wanted, 'the current password', anyIp());
    const token = tokenIn((await mailTo(wanted, '[Microblog] Confirm Your New Email'))[0]?.text);
    await createUser({ username: unique('quicker'), email: wanted, passwordHash: 'scrypt$unused' });
    expect(await followEmailLink(token)).toEqual({ ok: false, reason: 'taken' });
    expect((await findUserById(user.id))?.email).toBe(user.email);
  });

  it('binds the link to the address it was asked from', async () => {
    const user = await registered();
    const { token } = await signToken({ userId: user.id, purpose: CHANGE_EMAIL, boundTo: 'someone-else@example.com', email: 'thief@example.com' });
    expect(await followEmailLink(token)).toEqual({ ok: false, reason: 'invalid' });
    expect((await findUserById(user.id))?.email).toBe(user.email);
  });
});

describe('changing the password while signed in', () => {
  it('needs the current password, applies the policy, and tells the owner', async () => {
    const user = await registered('the current password');
    expect(await changePassword(user, 'a wrong password', 'a brand new password', anyIp())).toEqual({ ok: false, reason: 'wrong-password' });
    expect(await changePassword(user, 'the current password', 'password123', anyIp())).toEqual({ ok: false, reason: 'weak-password', problem: 'common' });
    const changed = await changePassword(user, 'the current password', 'a brand new password', anyIp());
    expect(changed.ok).toBe(true);
    expect((await findUserById(user.id))?.passwordHash).not.toBe(user.passwordHash);
    expect(await mailTo(user.email, '[Microblog] Your password was changed')).toHaveLength(1);
  });
});

describe('sign-up under load', () => {
  it('refuses a client address after 20 sign-ups in an hour', async () => {
    for (let attempt = 0; attempt < 20; attempt++) {
      // After the first, a taken username is refused before any hashing, which keeps this fast; each still counts.
      await registerUser({ username: 'much_signing_up', email: 'much@example.com', password: 'a long enough password' }, '203.0.113.99');
    }
    const last = await registerUser({ username: unique('late'), email: `${unique('late')}@example.com`, password: 'a long enough password' }, '203.0.113.99');
    expect(last).toEqual({ ok: false, reason: 'throttled' });
  });

  it('refuses a taken username before hashing the password', async () => {
    const owner = await registered();
    const started = performance.now();
    await registerUser({ username: owner.username.toUpperCase(), email: `${unique('fast')}@example.com`, password: 'a long enough password' }, anyIp());
    expect(performance.now() - started).toBeLessThan(100);
  });
});
