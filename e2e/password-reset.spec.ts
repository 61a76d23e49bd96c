import { expect, newClientContext, RESET_SUBJECT, test } from './fixtures';
import { chooseNewPassword, fillSignIn, register, requestReset, signIn, signOut } from './pages/auth';
import { APP_URL, SENDER } from './server';

for (const javaScriptEnabled of [true, false]) {
  test.describe(`with JavaScript ${javaScriptEnabled ? 'on' : 'off'}`, () => {
    test.use({ javaScriptEnabled });

    test('a user who forgot the password resets it by email and signs in with the new one', async ({ page, user, mailbox }) => {
      await register(page, user);
      await signIn(page, user.username, user.password);
      await signOut(page);

      await requestReset(page, user.email);
      const link = await mailbox.waitForResetLink(user.email);
      const email = await mailbox.waitForEmail(user.email, { subject: RESET_SUBJECT });
      expect(email.from).toContain(SENDER);
      expect(email.text).toContain(`Dear ${user.username},`);
      expect(link.startsWith(`${APP_URL}/reset/`)).toBe(true);

      await page.goto(link);
      await expect(page.getByRole('heading', { name: 'Reset Your Password' })).toBeVisible();
      await chooseNewPassword(page, 'my brand new password');
      await expect(page.getByText('Your password has been reset.')).toBeVisible();
      const notice = await mailbox.waitForEmail(user.email, { subject: '[Microblog] Your password was changed' });
      expect(notice.text).toContain(`${APP_URL}/forgot-password`);

      await fillSignIn(page, user.username, user.password);
      await expect(page.getByText('Invalid username or password')).toBeVisible();
      await signIn(page, user.username, 'my brand new password');
      await signOut(page);

      await page.goto(link);
      await expect(page.getByRole('heading', { name: 'This link no longer works' })).toBeVisible();
      await expect(page.getByRole('link', { name: 'Request a new password reset link' })).toHaveAttribute('href', '/forgot-password');
    });

    test('refuses mismatched passwords and leaves the link working', async ({ page, user, mailbox }) => {
      await register(page, user);
      await requestReset(page, user.email);
      const link = await mailbox.waitForResetLink(user.email);

      await page.goto(link);
      await chooseNewPassword(page, 'one new password', 'another password');
      await expect(page.getByText('Passwords do not match.')).toBeVisible();
      await expect(page.getByLabel('Repeat Password')).toHaveAttribute('aria-invalid', 'true');

      await page.goto(link);
      await chooseNewPassword(page, 'short', 'short');
      await expect(page.getByText('Password must be at least 8 characters.')).toBeVisible();

      await page.goto(link);
      await chooseNewPassword(page, 'one new password');
      await expect(page.getByText('Your password has been reset.')).toBeVisible();
    });
  });
}

test('answers a known and an unknown email in the same words, and mails only the known one', async ({ page, user, mailbox }) => {
  await register(page, user);
  const unknown = `nobody_${user.username}@example.com`;

  await requestReset(page, unknown);
  const unknownPage = await page.locator('main').innerText();
  await requestReset(page, user.email);
  const knownPage = await page.locator('main').innerText();

  expect(knownPage).toBe(unknownPage);
  await mailbox.waitForResetLink(user.email);
  expect(await mailbox.messagesFor(unknown)).toHaveLength(0);
});

test('shows a clear page for a tampered or garbage link', async ({ page, user, mailbox }) => {
  await register(page, user);
  await requestReset(page, user.email);
  const link = await mailbox.waitForResetLink(user.email);
  const tampered = `${link.slice(0, -3)}${link.endsWith('AAA') ? 'BBB' : 'AAA'}`;

  for (const url of [tampered, '/reset/not-a-token', '/reset/%E0%A4%A', `/reset/${'x'.repeat(5000)}`]) {
    const response = await page.goto(url);
    expect(response?.status()).toBeLessThan(500);
    await expect(page.getByRole('heading', { name: 'This link no longer works' })).toBeVisible();
  }
});

test('keeps the reset link out of other sites and caches', async ({ request, user, page, mailbox }) => {
  await register(page, user);
  await requestReset(page, user.email);
  const link = await mailbox.waitForResetLink(user.email);
  const response = await request.get(link);
  expect(response.headers()['cache-control']).toContain('no-store');
  expect(response.headers()['referrer-policy']).toBe('no-referrer');
  const html = await response.text();
  // Nothing on the page is fetched from anywhere but the app itself.
  expect(html.match(/(?:src|href)="(?:https?:)?\/\/[^"]*"/g) ?? []).toEqual([]);
});

test("redirects the seed app's URLs to the new ones", async ({ page }) => {
  await page.goto('/reset_password_request');
  await expect(page).toHaveURL(/\/forgot-password$/);
  await page.goto('/reset_password/abc.def.ghi');
  await expect(page).toHaveURL(/\/reset\/abc\.def\.ghi$/);
  await expect(page.getByRole('heading', { name: 'This link no longer works' })).toBeVisible();
});

test('a reset signs out every session opened with the old password', async ({ browser, page, user, mailbox }) => {
  await register(page, user);
  const thief = await (await newClientContext(browser)).newPage();
  await signIn(thief, user.username, user.password);

  await requestReset(page, user.email);
  await page.goto(await mailbox.waitForResetLink(user.email));
  await chooseNewPassword(page, 'a password the thief lacks');
  await expect(page.getByText('Your password has been reset.')).toBeVisible();

  await thief.goto('/');
  await expect(thief).toHaveURL(/\/login\?next=%2F$/);
  await thief.context().close();
});
