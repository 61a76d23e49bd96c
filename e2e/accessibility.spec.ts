import AxeBuilder from '@axe-core/playwright';
import { expect, test } from './fixtures';
import { register, requestReset, signIn } from './pages/auth';

for (const path of ['/login', '/register', '/forgot-password']) {
  test(`${path} has no accessibility violations`, async ({ page }) => {
    await page.goto(path);
    const results = await new AxeBuilder({ page }).analyze();
    expect(results.violations).toEqual([]);
  });
}

test('the reset page has no accessibility violations, errors included', async ({ page, user, mailbox }) => {
  await register(page, user);
  await requestReset(page, user.email);
  await page.goto(await mailbox.waitForResetLink(user.email));
  expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
  await page.getByRole('button', { name: 'Reset Password' }).click();
  await expect(page.getByText('Password must be at least 8 characters.')).toBeVisible();
  expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
});

test('the settings page and the unconfirmed-address banner have no accessibility violations', async ({ page, user }) => {
  await register(page, user);
  await signIn(page, user.username, user.password);
  await expect(page.getByRole('button', { name: 'Resend confirmation email' })).toBeVisible();
  expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
  await page.goto('/settings');
  await page.getByRole('button', { name: 'Change Password' }).click();
  await expect(page.getByText('Please enter your password.').first()).toBeVisible();
  expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
});
