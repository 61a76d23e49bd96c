import { expect, test } from './fixtures';
import { watchPolicyViolations } from './pages/policy';
import { register, requestReset } from './pages/auth';

// /login as most visitors get it is prerendered, with a hash policy: see prerendered-login.spec.ts.
const PAGES = ['/login?next=%2Fexplore', '/register', '/forgot-password', '/reset/not-a-token', '/no-such-page', '/dev/mail'];

for (const path of PAGES) {
  test(`${path} carries a nonce-only script policy and the other security headers`, async ({ request }) => {
    const response = await request.get(path);
    const headers = response.headers();
    const policy = headers['content-security-policy'] ?? '';
    const scriptSources = policy.split(';').find((directive) => directive.trim().startsWith('script-src')) ?? '';
    const nonce = scriptSources.match(/'nonce-([^']+)'/)?.[1];
    expect(nonce).toBeTruthy();
    expect(scriptSources).not.toContain('unsafe-inline');
    expect(policy).toContain("frame-ancestors 'none'");
    expect(headers['x-content-type-options']).toBe('nosniff');
    expect(['no-referrer', 'strict-origin-when-cross-origin', 'same-origin']).toContain(headers['referrer-policy']);
    // Every script the page ships, inline or not, carries this response's nonce.
    for (const tag of (await response.text()).match(/<script\b[^>]*>/g) ?? []) expect(tag).toContain(`nonce="${nonce}"`);
  });
}

test('a redirect to sign in carries the security headers too', async ({ request }) => {
  const response = await request.get('/explore', { maxRedirects: 0 });
  expect(response.status()).toBe(307);
  expect(response.headers()['x-content-type-options']).toBe('nosniff');
});

test('pages run their scripts under the policy without a single violation', async ({ page, user, mailbox }) => {
  const violations = watchPolicyViolations(page);
  await register(page, user);
  await page.goto('/forgot-password');
  await page.getByLabel('Email').fill('not an address');
  await page.getByLabel('Email').blur();
  // Shown by the form's script in the browser (its schema loaded on focus): the page's scripts ran.
  await expect(page.getByText('Please enter a valid email address.')).toBeVisible();
  await requestReset(page, user.email);
  await page.goto(await mailbox.waitForResetLink(user.email));
  await expect(page.getByRole('heading', { name: 'Reset Your Password' })).toBeVisible();
  expect(violations).toEqual([]);
});
