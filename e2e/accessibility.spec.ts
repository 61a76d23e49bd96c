import AxeBuilder from '@axe-core/playwright';
import { expect, resetLinkIn, test } from './fixtures';
import { register, requestReset } from './pages/auth';

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
  await page.goto(resetLinkIn(await mailbox.waitForEmail(user.email)));
  expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
  await page.getByRole('button', { name: 'Reset Password' }).click();
  await expect(page.getByText('Password must be at least 8 characters.')).toBeVisible();
  expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
});
