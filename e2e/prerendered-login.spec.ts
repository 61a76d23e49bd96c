import { createHash } from 'node:crypto';
import { expect, test } from './fixtures';
import { watchPolicyViolations } from './pages/policy';
import { DEPLOYED } from './server';
import { fillSignIn, register, signIn } from './pages/auth';

const scriptSourcesOf = (policy: string) => policy.split(';').find((directive) => directive.trim().startsWith('script-src')) ?? '';
const inlineScriptsOf = (html: string) => [...html.matchAll(/<script(?![^>]*\ssrc=)[^>]*>([\s\S]*?)<\/script>/g)].map((match) => match[1] ?? '');

test.describe('the sign-in page as the build rendered it', () => {
  test('allows exactly its own inline scripts, by hash, and no shared cache keeps it', async ({ request }) => {
    test.skip(DEPLOYED, 'a deployed proxy may not see the build’s file, and then serves the rendered twin');
    const response = await request.get('/login');
    expect(response.status()).toBe(200);
    const headers = response.headers();
    const scriptSources = scriptSourcesOf(headers['content-security-policy'] ?? '');
    expect(scriptSources).not.toContain('nonce-');
    expect(scriptSources).not.toContain('unsafe-inline');
    const allowed = [...scriptSources.matchAll(/'sha256-([^']+)'/g)].map((match) => match[1]);
    const inline = inlineScriptsOf(await response.text()).map((script) => createHash('sha256').update(script).digest('base64'));
    expect(inline.length).toBeGreaterThan(0);
    expect(allowed.sort()).toEqual(inline.sort());
    expect(headers['cache-control']).toBe('no-store');
    expect(headers['x-frame-options']).toBe('DENY');
  });

  test('is the same page with the same policy whether the front door or Next.js answers', async ({ request }) => {
    test.skip(DEPLOYED, 'a deployed app has no front door to compare its proxy with');
    // The front door of `next start` answers a plain visit; anything with a query goes on to
    // the proxy and Next.js, as every visit does on Vercel, and the router's `_rsc` changes nothing.
    const byFrontDoor = await request.get('/login');
    const byNext = await request.get('/login?_rsc=check');
    expect(byNext.headers()['content-security-policy']).toBe(byFrontDoor.headers()['content-security-policy']);
    expect(byNext.headers()['cache-control']).toBe(byFrontDoor.headers()['cache-control']);
    expect(await byNext.text()).toBe(await byFrontDoor.text());
  });

  test('runs its scripts without a single violation, and signs in', async ({ page, user }) => {
    const violations = watchPolicyViolations(page);
    await register(page, user);
    await page.goto('/login');
    await page.getByLabel('Username').fill(' ');
    await page.getByLabel('Username').blur();
    // Shown by the form's script in the browser (its schema loaded on focus): the page's scripts ran.
    await expect(page.getByText('Please enter your username.')).toBeVisible();
    await fillSignIn(page, user.username, user.password);
    await expect(page.getByRole('heading', { name: `Hi, ${user.username}!` })).toBeVisible();
    expect(violations).toEqual([]);
  });
});

test.describe('the sign-in page rendered for whoever the build could not serve', () => {
  test('a return path is kept, under a nonce policy', async ({ request }) => {
    const response = await request.get('/login?next=%2Fexplore');
    expect(scriptSourcesOf(response.headers()['content-security-policy'] ?? '')).toContain("'nonce-");
    expect(await response.text()).toContain('name="next" value="/explore"');
  });

  test.describe('with JavaScript off', () => {
    test.use({ javaScriptEnabled: false });

    test('a failed sign-in keeps the return path for the next try', async ({ page, user }) => {
      await register(page, user);
      await page.goto('/login?next=%2Fexplore');
      await fillSignIn(page, user.username, 'not the password');
      await expect(page.getByText('Invalid username or password')).toBeVisible();
      await fillSignIn(page, user.username, user.password);
      await expect(page).toHaveURL(/\/explore$/);
    });
  });

  test('a reader of Chinese gets Chinese', async ({ request }) => {
    const response = await request.get('/login', { headers: { 'Accept-Language': 'zh-CN,zh;q=0.9' } });
    expect(await response.text()).toMatch(/<html lang="zh-CN"/);
  });

  test('someone signed in is sent home', async ({ page, user }) => {
    await register(page, user);
    await signIn(page, user.username, user.password);
    await page.goto('/login');
    await expect(page).toHaveURL(/\/$/);
  });

  test('the language switcher brings the reader back to /login, not to where it was rendered', async ({ page }) => {
    await page.goto('/login?next=%2Fexplore');
    await page.getByRole('button', { name: '中文' }).click();
    await expect(page).toHaveURL(/\/login\?next=%2Fexplore$/);
    await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  });
});
