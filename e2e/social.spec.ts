import { randomUUID } from 'node:crypto';
import type { Browser } from '@playwright/test';
import { expect, newClientContext, test, type TestUser } from './fixtures';
import { register, signIn } from './pages/auth';
import { hiddenFormFields, multipartBody } from './http/form-post';
import { openProfile, post, timeline } from './pages/social';

function anotherUser(): TestUser {
  const id = randomUUID().slice(0, 8);
  return { username: `other_${id}`, email: `other_${id}@example.com`, password: `other password ${id}` };
}

async function signedInPage(browser: Browser, user: TestUser, javaScriptEnabled: boolean) {
  const context = await newClientContext(browser, { javaScriptEnabled });
  const page = await context.newPage();
  await register(page, user);
  await signIn(page, user.username, user.password);
  return page;
}

for (const javaScriptEnabled of [true, false]) {
  test(`two users post, follow, read each other and unfollow (JavaScript ${javaScriptEnabled ? 'on' : 'off'})`, async ({ browser, user }) => {
    const susan = anotherUser();
    const john = await signedInPage(browser, user, javaScriptEnabled);
    const sue = await signedInPage(browser, susan, javaScriptEnabled);

    await post(john, `hello from ${user.username}`);
    await post(sue, `hello from ${susan.username}`);
    await expect(timeline(john)).toHaveCount(1);

    await openProfile(john, susan.username);
    await expect(john.getByText('0 followers, 0 following.')).toBeVisible();
    await john.getByRole('button', { name: 'Follow' }).click();
    await expect(john.getByText(`You are following ${susan.username}!`)).toBeVisible();
    await expect(john.getByText('1 follower, 0 following.')).toBeVisible();

    await john.goto('/');
    await expect(timeline(john)).toHaveCount(2);
    await expect(timeline(john).first()).toContainText(`hello from ${susan.username}`);

    await openProfile(john, susan.username);
    await john.getByRole('button', { name: 'Unfollow' }).click();
    await expect(john.getByText(`You are not following ${susan.username}.`)).toBeVisible();
    await john.goto('/');
    await expect(timeline(john)).toHaveCount(1);

    await john.goto('/explore');
    await expect(john.getByText(`hello from ${susan.username}`)).toBeVisible();
  });
}

test('refuses an empty or over-long post next to the box and saves nothing', async ({ page, user }) => {
  await register(page, user);
  await signIn(page, user.username, user.password);
  await page.getByRole('button', { name: 'Submit' }).click();
  await expect(page.getByText('Please write something first.')).toBeVisible();
  // The box stops at 140 characters; a longer post can only come from outside a browser.
  const action = await hiddenFormFields(page.request, '/', 'post');
  const { body, contentType } = multipartBody({ ...action, post: 'x'.repeat(141) });
  const response = await page.request.post('/', { data: body, headers: { 'content-type': contentType } });
  expect(await response.text()).toContain('A post is at most 140 characters.');
  await page.goto('/');
  await expect(timeline(page)).toHaveCount(0);
});

test('shows a post as text, never as HTML', async ({ page, user }) => {
  await register(page, user);
  await signIn(page, user.username, user.password);
  await post(page, '<b id="injected">bold</b>');
  await expect(page.getByText('<b id="injected">bold</b>')).toBeVisible();
  await expect(page.locator('#injected')).toHaveCount(0);
});

test('edits the profile, and refuses a username that is taken', async ({ page, user }) => {
  const taken = anotherUser();
  await register(page, taken);
  await register(page, user);
  await signIn(page, user.username, user.password);
  await openProfile(page, user.username);
  await page.getByRole('link', { name: 'Edit your profile' }).click();

  await page.getByLabel('Username').fill(taken.username);
  await page.getByRole('button', { name: 'Submit' }).click();
  await expect(page.getByText('Please use a different username.')).toBeVisible();

  const renamed = `${user.username}_x`;
  await page.getByLabel('Username').fill(renamed);
  await page.getByLabel('About me').fill('I like <em>email</em>.');
  await page.getByRole('button', { name: 'Submit' }).click();
  await expect(page.getByText('Your changes have been saved.')).toBeVisible();
  await openProfile(page, renamed);
  await expect(page.getByText('I like <em>email</em>.')).toBeVisible();
  await expect(page.getByText(/Last seen on/)).toBeVisible();
});

test('walks the pages of a timeline with more than 25 posts', async ({ browser, user }) => {
  // 27 posts through the form, one after another.
  test.slow();
  const page = await signedInPage(browser, user, false);
  for (let n = 1; n <= 27; n += 1) await post(page, `post number ${n}`);
  await page.goto('/');
  await expect(timeline(page)).toHaveCount(25);
  await expect(timeline(page).first()).toContainText('post number 27');
  await page.getByRole('link', { name: 'Older posts' }).click();
  await expect(page).toHaveURL(/\?page=2$/);
  await expect(timeline(page)).toHaveCount(2);
  await expect(timeline(page).last()).toContainText('post number 1');
  await page.getByRole('link', { name: 'Newer posts' }).click();
  await expect(timeline(page)).toHaveCount(25);
  for (const odd of ['0', '-1', 'abc', '1e9']) {
    const response = await page.goto(`/?page=${odd}`);
    expect(response?.status()).toBe(200);
    await expect(timeline(page)).toHaveCount(25);
  }
  await page.goto('/?page=50');
  await expect(timeline(page)).toHaveCount(0);
});

test('answers an unknown user with a real 404 page', async ({ page, user }) => {
  await register(page, user);
  await signIn(page, user.username, user.password);
  const response = await page.goto('/user/nobody-at-all-here');
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('heading', { name: 'Not Found' })).toBeVisible();
});

test('refuses to follow yourself', async ({ page, user }) => {
  await register(page, user);
  await signIn(page, user.username, user.password);
  await openProfile(page, user.username);
  await expect(page.getByRole('button', { name: 'Follow' })).toHaveCount(0);
});
