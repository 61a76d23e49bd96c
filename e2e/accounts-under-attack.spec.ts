import { createHash } from 'node:crypto';
import { expect, randomClientAddress, test, type Mailbox } from './fixtures';
import { chooseNewPassword, fillSignIn, register, requestReset, signIn, signOut, submitRegistration } from './pages/auth';
import { formPoster } from './http/form-post';
import { DEPLOYED, SENDER } from './server';

// The first of ADMINS sends every email and gets the failure mails.
const adminMails = async (mailbox: Mailbox) => (await mailbox.messagesFor(SENDER)).length;
const GUESSERS_ELSEWHERE = 'each guess names another client in X-Forwarded-For, which only the local server (TRUST_PROXY) believes';
const settle = () => new Promise((resolve) => setTimeout(resolve, 2_000));

test('an owner signs in from a browser that signed in before, while guessers elsewhere must wait', async ({ page, request, user }) => {
  test.skip(DEPLOYED, GUESSERS_ELSEWHERE);
  await register(page, user);
  await signIn(page, user.username, user.password);
  await signOut(page);

  const guess = await formPoster(request, '/login', 'username');
  for (let tries = 0; tries < 6; tries++) await guess({ username: user.username, password: `wrong guess ${tries}` }, { 'x-forwarded-for': randomClientAddress() });
  const stranger = await guess({ username: user.username, password: user.password }, { 'x-forwarded-for': randomClientAddress() });
  expect(await stranger.text()).toContain('Too many sign-in attempts. Please wait a minute and try again.');

  await signIn(page, user.username, user.password);
});

test('a password reset lifts the wait that guessers caused', async ({ page, request, user, mailbox }) => {
  test.skip(DEPLOYED, GUESSERS_ELSEWHERE);
  await register(page, user);
  const guess = await formPoster(request, '/login', 'username');
  for (let tries = 0; tries < 6; tries++) await guess({ username: user.username, password: `wrong guess ${tries}` }, { 'x-forwarded-for': randomClientAddress() });

  await requestReset(page, user.email);
  await page.goto(await mailbox.waitForResetLink(user.email));
  await chooseNewPassword(page, 'a new and better password');
  await expect(page.getByText('Your password has been reset.')).toBeVisible();
  await fillSignIn(page, user.username, 'a new and better password');
  await expect(page.getByRole('heading', { name: `Hi, ${user.username}!` })).toBeVisible();
});

test('the session endpoint shows only the name and never extends a browser session', async ({ page, user }) => {
  await register(page, user);
  await signIn(page, user.username, user.password);
  const response = await page.request.get('/api/auth/session');
  expect(await response.json()).toEqual({ user: { name: user.username } });
  expect(response.headers()['set-cookie']).toBeUndefined();
  const update = await page.request.post('/api/auth/session', { data: {}, headers: { origin: new URL(page.url()).origin } });
  expect(update.status()).toBe(405);
  const cookie = (await page.context().cookies()).find((candidate) => candidate.name.endsWith('authjs.session-token'));
  expect(cookie?.expires).toBe(-1);
});

test('answers odd requests with a 4xx and the security headers, and mails no admin', async ({ page, request, user, mailbox }) => {
  test.skip(DEPLOYED, 'counts every mail to the admin, which needs the SMTP sink: the mailbox API shows only the newest');
  const before = await adminMails(mailbox);
  for (const path of ['/user/%FF', '/user/%', '/api/auth/%FF']) {
    const response = await request.get(path);
    expect(response.status(), path).toBe(400);
    expect(response.headers()['x-content-type-options'], path).toBe('nosniff');
  }
  const trace = await request.fetch('/login', { method: 'TRACE' });
  expect(trace.status()).toBe(405);
  expect(trace.headers()['x-content-type-options']).toBe('nosniff');

  await register(page, user);
  await page.goto('/login?next=/%E3%80%80');
  await fillSignIn(page, user.username, user.password);
  await expect(page).toHaveURL(/\/%E3%80%80$/);
  await expect(page.getByRole('heading', { name: 'Not Found' })).toBeVisible();

  await settle();
  expect(await adminMails(mailbox)).toBe(before);
});

test('paths that only start like an asset path still pass the proxy’s checks', async ({ request }) => {
  for (const path of ['/_next/staticX', '/_next/imageX', '/favicon.icoX']) {
    const response = await request.post(path, { data: 'x=1', headers: { origin: 'https://evil.example', 'content-type': 'application/x-www-form-urlencoded' } });
    expect(response.status(), path).toBe(403);
  }
});

test('refuses look-alike usernames', async ({ page, user }) => {
  await register(page, user);
  const fullWidth = [...user.username].map((char) => (/[a-z0-9]/.test(char) ? String.fromCodePoint(char.codePointAt(0)! + 0xfee0) : char)).join('');
  for (const [username, message] of [
    [fullWidth, 'Please use a different username.'],
    [`\u0430${user.username.slice(1)}`, 'Use the letters of one alphabet only.'],
  ] as const) {
    await submitRegistration(page, { ...user, username, email: `other_${user.email}` });
    await expect(page.getByText(message)).toBeVisible();
  }
});

test.describe('with JavaScript off', () => {
  test.use({ javaScriptEnabled: false });

  test('avatars come from our own route, load without JavaScript, and no page carries a hash of an address', async ({ page, user }) => {
    await register(page, user);
    await signIn(page, user.username, user.password);
    await page.goto(`/user/${user.username}`);
    const avatar = page.locator('img.avatar').first();
    await expect(avatar).toHaveAttribute('src', `/avatar/${user.username}?s=128`);
    expect(await avatar.evaluate((image: HTMLImageElement) => image.complete && image.naturalWidth > 0)).toBe(true);
    const md5 = createHash('md5').update(user.email).digest('hex');
    expect(await page.content()).not.toContain(md5);
    expect(await page.content()).not.toContain('gravatar');
  });
});
