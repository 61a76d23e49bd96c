import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, newClientContext, RESET_SUBJECT, test, type Mailbox, type TestUser } from './fixtures';
import { register, signIn } from './pages/auth';
import { APP_URL } from './server';

const CHINESE_RESET_SUBJECT = '[Microblog] 重置您的密码';

/** Signs up on a page that is in Chinese: the account's mail will be in Chinese. */
async function registerInChinese(page: Page, user: TestUser): Promise<void> {
  await page.goto('/register');
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await page.getByLabel('用户名').fill(user.username);
  await page.getByLabel('电子邮件').fill(user.email);
  await page.getByLabel('密码', { exact: true }).fill(user.password);
  await page.getByLabel('重复密码').fill(user.password);
  await page.getByRole('button', { name: '注册' }).click();
  await expect(page.getByText('恭喜，您已成为注册用户！')).toBeVisible();
}

/** The forgot form in Chinese, from the sign-in page's link to the check-your-email page. */
async function requestResetInChinese(page: Page, email: string): Promise<void> {
  await page.goto('/login');
  await page.getByRole('link', { name: '忘记密码？' }).click();
  await expect(page).toHaveURL(/\/forgot-password$/);
  await expect(page.getByRole('heading', { name: '重置密码' })).toBeVisible();
  await page.getByLabel('电子邮件').fill(email);
  await page.getByRole('button', { name: '请求重置密码' }).click();
  await expect(page).toHaveURL(/\/forgot-password\/sent$/);
  await expect(page.getByText('请查看您的电子邮件，按照其中的说明重置密码')).toBeVisible();
}

/** The Chinese reset email: its subject, greeting, words and link, in the text and the HTML. */
async function chineseResetLink(mailbox: Mailbox, user: TestUser): Promise<string> {
  const email = await mailbox.waitForEmail(user.email, { subject: CHINESE_RESET_SUBJECT });
  expect(email.text).toContain(`亲爱的 ${user.username}：`);
  expect(email.text).toContain('要重置密码，请点击以下链接：');
  expect(email.text).toContain('Microblog 团队');
  expect(email.html).toContain('<html lang="zh-CN">');
  expect(email.html).toContain('>重置您的密码</a>');
  const link = email.text.match(/https?:\/\/\S+\/reset\/[\w.-]+/)?.[0];
  expect(link?.startsWith(`${APP_URL}/reset/`)).toBe(true);
  return link ?? '';
}

/** The reset form in Chinese: its field errors (from the browser's schema or the server's), then success. */
async function resetInChinese(page: Page, link: string, password: string): Promise<void> {
  await page.goto(link);
  await expect(page.getByRole('heading', { name: '重置您的密码' })).toBeVisible();
  await page.getByLabel('密码', { exact: true }).fill('short');
  await page.getByLabel('重复密码').fill('different');
  await page.getByRole('button', { name: '重置密码' }).click();
  await expect(page.getByText('密码至少需要 8 个字符。')).toBeVisible();
  await expect(page.getByText('两次输入的密码不一致。')).toBeVisible();
  await page.getByLabel('密码', { exact: true }).fill(password);
  await page.getByLabel('重复密码').fill(password);
  await page.getByRole('button', { name: '重置密码' }).click();
  await expect(page.getByText('您的密码已重置。')).toBeVisible();
}

async function signInInChinese(page: Page, username: string, password: string): Promise<void> {
  await page.goto('/login');
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码', { exact: true }).fill(password);
  await page.getByRole('button', { name: '登录' }).click();
  await expect(page.getByRole('heading', { name: `您好，${username}！` })).toBeVisible();
}

for (const javaScriptEnabled of [true, false]) {
  test.describe(`with JavaScript ${javaScriptEnabled ? 'on' : 'off'}`, () => {
    test.use({ javaScriptEnabled });

    test.describe('a browser that asks for Chinese', () => {
      test.use({ locale: 'zh-CN' });

      test('resets a forgotten password in Chinese, by a Chinese email', async ({ page, user, mailbox }) => {
        await registerInChinese(page, user);
        await requestResetInChinese(page, user.email);
        const link = await chineseResetLink(mailbox, user);
        await resetInChinese(page, link, 'my brand new password');
        await signInInChinese(page, user.username, 'my brand new password');
      });
    });

    test('switches to Chinese in the footer, and the account’s mail follows', async ({ page, user, mailbox }) => {
      await register(page, user);
      await signIn(page, user.username, user.password);
      await page.goto('/settings');
      await page.getByRole('button', { name: '中文' }).click();
      // Back on the page it was on, now in Chinese.
      await expect(page).toHaveURL(/\/settings$/);
      await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
      await expect(page.getByRole('heading', { name: '设置' })).toBeVisible();
      await expect(page.getByRole('button', { name: '中文' })).toHaveAttribute('aria-pressed', 'true');
      await page.getByRole('button', { name: '退出登录' }).click();

      await requestResetInChinese(page, user.email);
      const link = await chineseResetLink(mailbox, user);
      await resetInChinese(page, link, 'my brand new password');

      await page.getByRole('button', { name: 'English' }).click();
      await expect(page.locator('html')).toHaveAttribute('lang', 'en');
      await expect(page.getByRole('heading', { name: 'Sign In' })).toBeVisible();
    });
  });
}

test('mails a Chinese account its reset link in Chinese while the requester’s browser is English', async ({ browser, page, user, mailbox }) => {
  const chinese = await newClientContext(browser, { locale: 'zh-CN' });
  await registerInChinese(await chinese.newPage(), user);
  await chinese.close();

  // The default browser of these tests asks for English.
  await page.goto('/forgot-password');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await page.getByLabel('Email').fill(user.email);
  await page.getByRole('button', { name: 'Request Password Reset' }).click();
  await expect(page.getByText('Check your email for the instructions to reset your password')).toBeVisible();

  const link = await chineseResetLink(mailbox, user);
  expect((await mailbox.messagesFor(user.email)).some((email) => email.subject === RESET_SUBJECT)).toBe(false);
  await page.goto(link);
  await expect(page.getByRole('heading', { name: 'Reset Your Password' })).toBeVisible();
});

test.describe('Chinese pages', () => {
  test.use({ locale: 'zh-CN' });

  for (const path of ['/login', '/register', '/forgot-password']) {
    test(`${path} has lang="zh-CN" and no accessibility violations`, async ({ page }) => {
      await page.goto(path);
      await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
      expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
    });
  }

  test('the Chinese reset page has no accessibility violations, errors included', async ({ page, user, mailbox }) => {
    await registerInChinese(page, user);
    await requestResetInChinese(page, user.email);
    await page.goto(await chineseResetLink(mailbox, user));
    await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
    expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
    await page.getByRole('button', { name: '重置密码' }).click();
    await expect(page.getByText('密码至少需要 8 个字符。')).toBeVisible();
    expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
  });

  test('the home page, settings and the 404 page speak Chinese too', async ({ page, user }) => {
    await registerInChinese(page, user);
    await signInInChinese(page, user.username, user.password);
    await expect(page.getByLabel('说点什么')).toBeVisible();
    await expect(page.getByText('您的电子邮件地址')).toBeVisible();
    expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
    await page.goto('/settings');
    await expect(page).toHaveTitle('设置 · Microblog');
    await page.goto('/no-such-page');
    await expect(page.getByRole('heading', { name: '未找到' })).toBeVisible();
    await expect(page).toHaveTitle('未找到 · Microblog');
  });
});
