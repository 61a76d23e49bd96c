import type { Page, Route } from '@playwright/test';
import { expect, newClientContext, test } from './fixtures';
import { fillSignIn, register, signIn, submitRegistration } from './pages/auth';
import { APP_URL } from './server';

test('sends a visitor to sign in and back to the page they asked for', async ({ page, user }) => {
  await register(page, user);
  await page.goto('/');
  await expect(page).toHaveURL(/\/login\?next=%2F$/);
  await fillSignIn(page, user.username, user.password);
  await expect(page.getByRole('heading', { name: `Hi, ${user.username}!` })).toBeVisible();
});

test('never redirects off the site after sign-in', async ({ page, user }) => {
  await register(page, user);
  for (const next of ['https://evil.example/', '//evil.example/', '/\\evil.example/']) {
    await page.context().clearCookies();
    await page.goto(`/login?next=${encodeURIComponent(next)}`);
    await fillSignIn(page, user.username, user.password);
    await expect(page.getByRole('heading', { name: `Hi, ${user.username}!` })).toBeVisible();
    expect(new URL(page.url()).host).toBe(new URL(APP_URL).host);
  }
});

test('says the same thing for an unknown user and a wrong password', async ({ page, user }) => {
  await register(page, user);
  await fillSignIn(page, user.username, 'wrong password!');
  await expect(page.getByText('Invalid username or password')).toBeVisible();
  await fillSignIn(page, `${user.username}_nobody`, user.password);
  await expect(page.getByText('Invalid username or password')).toBeVisible();
});

test('sends a signed-in user away from the sign-in, sign-up and forgot pages', async ({ page, user }) => {
  await register(page, user);
  await signIn(page, user.username, user.password);
  for (const path of ['/login', '/register', '/forgot-password']) {
    await page.goto(path);
    await expect(page).toHaveURL(/\/$/);
  }
});

test('Remember Me keeps the session across browser restarts, otherwise it ends with the browser', async ({ page, user }) => {
  await register(page, user);
  await signIn(page, user.username, user.password);
  const sessionCookie = async () => (await page.context().cookies()).find((cookie) => cookie.name.endsWith('authjs.session-token'));
  expect((await sessionCookie())?.expires).toBe(-1);

  await page.context().clearCookies();
  await page.goto('/login');
  await page.getByLabel('Username').fill(user.username);
  await page.getByLabel('Password').fill(user.password);
  await page.getByLabel('Remember Me').check();
  await page.getByRole('button', { name: 'Sign In' }).click();
  await expect(page.getByRole('heading', { name: `Hi, ${user.username}!` })).toBeVisible();
  expect((await sessionCookie())?.expires).toBeGreaterThan(Date.now() / 1000 + 7 * 24 * 3600);
});

test('refuses a taken username next to the field', async ({ page, user }) => {
  await register(page, user);
  await submitRegistration(page, { ...user, username: user.username.toUpperCase(), email: `other_${user.email}` });
  await expect(page.getByText('Please use a different username.')).toBeVisible();
});

test.describe('with JavaScript off', () => {
  test.use({ javaScriptEnabled: false });

  test('the server refuses bad input next to each field and keeps what was typed', async ({ page }) => {
    await page.goto('/register');
    await page.getByLabel('Username').fill('has spaces');
    await page.getByLabel('Email').fill('not-an-email');
    await page.getByLabel('Password', { exact: true }).fill('short');
    await page.getByLabel('Repeat Password').fill('different');
    await page.getByRole('button', { name: 'Register' }).click();
    await expect(page.getByText('Use letters, digits, dots, dashes and underscores only.')).toBeVisible();
    await expect(page.getByText('Please enter a valid email address.')).toBeVisible();
    await expect(page.getByText('Password must be at least 8 characters.')).toBeVisible();
    await expect(page.getByLabel('Username')).toHaveValue('has spaces');
    await expect(page.getByLabel('Password', { exact: true })).toHaveValue('');
  });
});

test('validates as you type with JavaScript on', async ({ page }) => {
  await page.goto('/register');
  await page.getByLabel('Email').fill('not-an-email');
  await page.getByLabel('Email').blur();
  await expect(page.getByText('Please enter a valid email address.')).toBeVisible();
  await expect(page.getByLabel('Email')).toHaveAttribute('aria-describedby', 'field-email-error');
});

/**
 * Holds every script the page asks for from now on (a form's checks load on its first focus),
 * until the returned function lets them through; it says how many it held.
 */
async function holdScripts(page: Page): Promise<() => Promise<number>> {
  const held: Route[] = [];
  let holding = true;
  await page.route('**/_next/static/chunks/**', (route) => (holding ? void held.push(route) : route.continue()));
  return async () => {
    holding = false;
    for (const route of held) await route.continue();
    return held.length;
  };
}

test('checks a field left before its checks have loaded, once they have', async ({ page }) => {
  await page.goto('/register');
  const release = await holdScripts(page);
  await page.getByLabel('Email').fill('not-an-email');
  await page.getByLabel('Email').blur();
  await page.getByLabel('Username').fill('name');
  expect(await release()).toBeGreaterThan(0);
  await expect(page.getByText('Please enter a valid email address.')).toBeVisible();
  // Touched, so checked again as it changes.
  await page.getByLabel('Email').fill('someone@example.com');
  await expect(page.getByText('Please enter a valid email address.')).toBeHidden();
});

test('a form sent before its checks have loaded is checked, then sent', async ({ page, user }) => {
  await page.goto('/register');
  const release = await holdScripts(page);
  await page.getByLabel('Username').fill(user.username);
  await page.getByLabel('Email').fill(user.email);
  await page.getByLabel('Password', { exact: true }).fill(user.password);
  await page.getByLabel('Repeat Password').fill(`${user.password}!`);
  await page.getByRole('button', { name: 'Register' }).click();
  expect(await release()).toBeGreaterThan(0);
  await expect(page.getByText('Passwords do not match.')).toBeVisible();
  await expect(page.getByLabel('Repeat Password')).toBeFocused();
  await page.getByLabel('Repeat Password').fill(user.password);
  await page.getByRole('button', { name: 'Register' }).click();
  await expect(page.getByText('Congratulations, you are now a registered user!')).toBeVisible();
});

for (const javaScriptEnabled of [true, false]) {
  test(`says why a common password or one containing the username is refused (JavaScript ${javaScriptEnabled ? 'on' : 'off'})`, async ({ browser, user }) => {
    const context = await newClientContext(browser, { javaScriptEnabled });
    const page = await context.newPage();
    const refused: [string, string][] = [
      ['password123', 'This password is one of the most common ones. Please choose another.'],
      [`my ${user.username.toUpperCase()} rules`, 'Your password must not contain your username.'],
    ];
    for (const [password, reason] of refused) {
      await submitRegistration(page, { ...user, password });
      await expect(page.locator('#field-password-error')).toHaveText(reason);
      await expect(page.getByLabel('Password', { exact: true })).toHaveAttribute('aria-describedby', /field-password-error/);
    }
    await context.close();
  });
}
