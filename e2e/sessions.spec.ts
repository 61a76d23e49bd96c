import type { Browser, BrowserContextOptions, Page } from '@playwright/test';
import { expect, newClientContext, test, type TestUser } from './fixtures';
import { chooseNewPassword, register, requestReset, signIn, signOut } from './pages/auth';
import { formPoster } from './http/form-post';

const FIREFOX_ON_WINDOWS = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0';
const SIGNED_OUT_OTHERS = 'Other devices have been signed out.';

/** A second browser, signed in as `user`. */
async function secondDevice(browser: Browser, user: TestUser, options: BrowserContextOptions = {}): Promise<Page> {
  const page = await (await newClientContext(browser, options)).newPage();
  await signIn(page, user.username, user.password);
  return page;
}

const devices = (page: Page) => page.getByRole('list', { name: 'Signed-in devices' }).getByRole('listitem');

async function expectSignedOut(page: Page): Promise<void> {
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'Sign In' })).toBeVisible();
  expect(await (await page.request.get('/api/auth/session')).json()).toBeNull();
}

test('a session cookie copied before logout can neither read nor post after it', async ({ page, browser, user }) => {
  await register(page, user);
  await signIn(page, user.username, user.password);
  const thief = await (await newClientContext(browser)).newPage();
  await thief.context().addCookies(await page.context().cookies());
  await thief.goto('/');
  await expect(thief.getByRole('heading', { name: `Hi, ${user.username}!` })).toBeVisible();
  const post = await formPoster(thief.request, '/', 'post');
  expect((await post({ post: 'posted with the copy before logout' })).headers().location).toBe('/');

  await signOut(page);
  await expectSignedOut(thief);
  expect((await post({ post: 'posted with the copy after logout' })).headers().location).toMatch(/^\/login\?next=/);
  await signIn(page, user.username, user.password);
  await page.goto(`/user/${user.username}`);
  await expect(page.getByText('posted with the copy before logout')).toBeVisible();
  await expect(page.getByText('posted with the copy after logout')).toBeHidden();
  await thief.context().close();
});

test('the settings page lists both browsers, and signing out the other devices ends the other one', async ({ page, browser, user }) => {
  await register(page, user);
  await signIn(page, user.username, user.password);
  const other = await secondDevice(browser, user, { userAgent: FIREFOX_ON_WINDOWS });

  await page.goto('/settings');
  await expect(devices(page)).toHaveCount(2);
  await expect(devices(page).filter({ hasText: 'This device' })).toHaveText(/^Chrome on \w+ \(This device\)\s*Last seen .+ UTC$/);
  await expect(devices(page).filter({ hasNotText: 'This device' })).toHaveText(/^Firefox on Windows\s*Last seen /);

  await page.getByRole('button', { name: 'Sign out other devices' }).click();
  await expect(page.getByText(SIGNED_OUT_OTHERS)).toBeVisible();
  await expect(devices(page)).toHaveCount(1);
  await expect(devices(page)).toContainText('This device');
  await expect(page.getByRole('button', { name: 'Sign out other devices' })).toBeHidden();

  await expectSignedOut(other);
  await page.goto('/');
  await expect(page.getByRole('heading', { name: `Hi, ${user.username}!` })).toBeVisible();
  await other.context().close();
});

test.describe('with JavaScript off', () => {
  test.use({ javaScriptEnabled: false });

  test('signing out the other devices ends the other one', async ({ page, browser, user }) => {
    await register(page, user);
    await signIn(page, user.username, user.password);
    const other = await secondDevice(browser, user);

    await page.goto('/settings');
    await expect(devices(page)).toHaveCount(2);
    await page.getByRole('button', { name: 'Sign out other devices' }).click();
    await expect(page.getByText(SIGNED_OUT_OTHERS)).toBeVisible();
    await expect(devices(page)).toHaveCount(1);

    await expectSignedOut(other);
    await other.context().close();
  });
});

test('changing the password ends the other device’s session and lists only this one', async ({ page, browser, user }) => {
  await register(page, user);
  await signIn(page, user.username, user.password);
  const other = await secondDevice(browser, user);

  await page.goto('/settings');
  await expect(devices(page)).toHaveCount(2);
  const form = page.getByRole('form', { name: 'Change Password' });
  await form.getByLabel('Current Password').fill(user.password);
  await form.getByLabel('New Password').fill('a changed password');
  await form.getByLabel('Repeat Password').fill('a changed password');
  await form.getByRole('button', { name: 'Change Password' }).click();
  // Three password hashes (check the old, hash the new, sign this device in again), each a
  // third of a second alone and several times that on a busy two-core machine.
  await expect(page.getByText('Your password has been changed.')).toBeVisible({ timeout: 30_000 });

  await expect(devices(page)).toHaveCount(1);
  await expect(devices(page)).toContainText('This device');
  await expectSignedOut(other);
  await other.context().close();
});

test('resetting the password signs out every device', async ({ page, browser, user, mailbox }) => {
  await register(page, user);
  const other = await secondDevice(browser, user);

  await requestReset(page, user.email);
  await page.goto(await mailbox.waitForResetLink(user.email));
  await chooseNewPassword(page, 'a new and better password');
  await expect(page.getByText('Your password has been reset.')).toBeVisible();

  await expectSignedOut(other);
  await other.context().close();
});
