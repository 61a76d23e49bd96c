import AxeBuilder from '@axe-core/playwright';
import { expect, RESET_SUBJECT, test } from './fixtures';
import { register, requestReset, signIn, submitRegistration } from './pages/auth';
import { post } from './pages/social';


test('a flash message shows on its page once, not on the next page nor on the way back', async ({ page, user }) => {
  await register(page, user);
  await signIn(page, user.username, user.password);
  await post(page, 'a first post');
  await page.getByRole('link', { name: 'Explore' }).click();
  await expect(page.getByRole('heading', { name: 'Explore' })).toBeVisible();
  await expect(page.getByText('Your post is now live!')).toBeHidden();
  await page.goBack();
  await expect(page.getByRole('heading', { name: `Hi, ${user.username}!` })).toBeVisible();
  await expect(page.getByText('Your post is now live!')).toBeHidden();
});

test('a server error beside a field goes once the field changes', async ({ page, user }) => {
  await submitRegistration(page, { ...user, password: 'password123' });
  await expect(page.getByText('This password is one of the most common ones. Please choose another.')).toBeVisible();
  await page.getByLabel('Password', { exact: true }).fill('a much stronger one');
  await expect(page.getByText('This password is one of the most common ones. Please choose another.')).toBeHidden();
});

test('/dev/mail links open the page in the same tab, from the text and from the sandboxed HTML', async ({ page, user, mailbox }) => {
  await register(page, user);
  await requestReset(page, user.email);
  const link = await mailbox.waitForResetLink(user.email);
  const message = () => page.getByRole('listitem').filter({ hasText: user.email }).filter({ hasText: RESET_SUBJECT }).first();

  await page.goto('/dev/mail');
  await message().getByRole('link', { name: link }).click();
  await expect(page).toHaveURL(link);
  await expect(page.getByRole('heading', { name: 'Reset Your Password' })).toBeVisible();

  await page.goto('/dev/mail');
  await message().getByText('HTML', { exact: true }).click();
  const frame = message().locator('iframe');
  await expect(frame).toHaveAttribute('sandbox', 'allow-top-navigation-by-user-activation');
  await frame.contentFrame().getByRole('link', { name: 'Reset your password' }).click();
  await expect(page).toHaveURL(link);
  await expect(page.getByRole('heading', { name: 'Reset Your Password' })).toBeVisible();
});

test('a reset link opened while signed in shows the reset form', async ({ page, user, mailbox }) => {
  await register(page, user);
  await requestReset(page, user.email);
  const link = await mailbox.waitForResetLink(user.email);
  await signIn(page, user.username, user.password);
  await page.goto(link);
  await expect(page.getByRole('heading', { name: 'Reset Your Password' })).toBeVisible();
});

for (const javaScriptEnabled of [true, false]) {
  test.describe(`with JavaScript ${javaScriptEnabled ? 'on' : 'off'}`, () => {
    test.use({ javaScriptEnabled });

    test('a reset request, for any address, ends on a page of its own that says what to do next', async ({ page, user }) => {
      for (const email of [user.email, `nobody-${user.email}`]) {
        await requestReset(page, email);
        await expect(page).toHaveURL(/\/forgot-password\/sent$/);
        await expect(page.getByRole('heading', { name: 'Check Your Email' })).toBeVisible();
        await expect(page.getByText('spam')).toBeVisible();
        await expect(page.getByText('for 10 minutes')).toBeVisible();
        await expect(page.getByRole('link', { name: 'Back to Sign In' })).toHaveAttribute('href', '/login');
      }
    });

    test('shows the password rules before any error, and refuses a run of one character', async ({ page, user }) => {
      await page.goto('/register');
      await expect(page.getByText('not a run such as aaaaaaaa or 1234abcd')).toBeVisible();
      await submitRegistration(page, { ...user, password: 'aaaaaaaa' });
      await expect(page.getByText('Avoid repeated or sequential characters such as aaaaaaaa or 1234abcd.')).toBeVisible();
    });
  });
}

test('a password can be shown with a button, by keyboard too', async ({ page }) => {
  await page.goto('/login');
  const password = page.getByLabel('Password');
  await password.fill('secret words');
  await expect(password).toHaveAttribute('type', 'password');
  const show = page.getByRole('button', { name: 'Show Password' });
  await show.focus();
  await page.keyboard.press('Enter');
  await expect(password).toHaveAttribute('type', 'text');
  await expect(page.getByRole('button', { name: 'Hide Password' })).toHaveAttribute('aria-pressed', 'true');
});

test.describe('with JavaScript off', () => {
  test.use({ javaScriptEnabled: false });

  test('no show-password button is drawn where it could not work', async ({ page }) => {
    await page.goto('/login');
    await expect(page.getByRole('button', { name: 'Show Password' })).toHaveCount(0);
  });
});

test('the post box counts characters politely and stops at 140', async ({ page, user }) => {
  await register(page, user);
  await signIn(page, user.username, user.password);
  const box = page.getByLabel('Say something');
  await box.fill('hello');
  const counter = page.getByText('5 / 140');
  await expect(counter).toBeVisible();
  await expect(counter).toHaveAttribute('aria-live', 'polite');
  await box.fill('');
  await box.pressSequentially('x'.repeat(150), { delay: 0 });
  expect((await box.inputValue()).length).toBe(140);
  await expect(page.getByText('140 / 140')).toBeVisible();
});

test('an empty timeline says to find people on Explore', async ({ page, user }) => {
  await register(page, user);
  await signIn(page, user.username, user.password);
  await expect(page.getByText('Your timeline is empty.')).toBeVisible();
  await page.getByRole('main').getByRole('link', { name: 'Explore' }).click();
  await expect(page.getByRole('heading', { name: 'Explore' })).toBeVisible();
});

test('has a favicon, page titles that name the page, and a skip link', async ({ page, request }) => {
  await page.goto('/login');
  await expect(page).toHaveTitle('Sign In · Microblog');
  const icon = await page.locator('link[rel="icon"]').first().getAttribute('href');
  expect((await request.get(icon ?? '/missing')).status()).toBe(200);
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: 'Skip to content' })).toBeFocused();
  await page.goto('/no/such/page');
  await expect(page).toHaveTitle('Not Found · Microblog');
});

test.describe('on a phone', () => {
  test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 });

  test('the signed-in nav fits one row, messages line up with the card, and axe finds nothing', async ({ page, user }) => {
    await register(page, user);
    // The title streams in after the page's body: axe reads a page that has finished arriving.
    await expect(page).toHaveTitle(/ · Microblog$/);
    const flash = await page.getByText('Congratulations, you are now a registered user!').boundingBox();
    const card = await page.locator('.card').boundingBox();
    expect(flash?.x).toBeCloseTo(card?.x ?? -1, 0);
    expect(flash?.width).toBeCloseTo(card?.width ?? -1, 0);
    expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);

    await signIn(page, user.username, user.password);
    const tops = await page.locator('.nav .brand, .nav-links > li').evaluateAll((items) => items.map((item) => Math.round(item.getBoundingClientRect().top)));
    expect(new Set(tops.map((top) => Math.round(top / 10))).size).toBe(1);
    expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
  });
});
