import { describe, expect, it } from 'vitest';
import { passwordChangedEmail } from '@/emails/password-changed';
import { resetPasswordEmail } from '@/emails/reset-password';
import { requestPasswordReset, resetPassword } from '@/lib/auth/password-reset';
import { registerUser } from '@/lib/auth/registration';
import { findLatestEmailTo } from '@/lib/db/outbox';
import { findUserByEmail, setUserLocale } from '@/lib/db/users';
import type { Locale } from '@/i18n/locales';

let counter = 0;
const unique = (name: string) => `${name}${++counter}`;
let nextIp = 0;
const anyIp = () => `203.0.113.${++nextIp}`;

async function account(locale?: Locale) {
  const name = unique('reader');
  const result = await registerUser({ username: name, email: `${name}@example.com`, password: 'a long enough password', locale }, anyIp());
  if (!result.ok || !result.created) throw new Error('could not register');
  return result.created;
}

const latestMailTo = async (address: string) => {
  const row = await findLatestEmailTo(address);
  if (!row) throw new Error(`no mail to ${address}`);
  return row;
};

describe('email templates', () => {
  const resetProps = { username: 'susan', resetUrl: 'http://app.test/reset/abc', lifetimeMinutes: 10 };

  it('keep the English reset email word for word', () => {
    const email = resetPasswordEmail({ locale: 'en', ...resetProps });
    expect(email.subject).toBe('[Microblog] Reset Your Password');
    expect(email.text).toBe(
      'Dear susan,\n\nTo reset your password click on the following link:\n\nhttp://app.test/reset/abc\n\n' +
        'The link works once and expires in 10 minutes.\n\nIf you have not requested a password reset simply ignore this message.\n\n' +
        'Sincerely,\nThe Microblog Team\n',
    );
    expect(email.html).toContain('<html lang="en">');
    expect(email.html).toContain('<a href="http://app.test/reset/abc">Reset your password</a>');
  });

  it('write the reset email in Chinese, subject, text and HTML', () => {
    const email = resetPasswordEmail({ locale: 'zh-CN', ...resetProps });
    expect(email.subject).toBe('[Microblog] 重置您的密码');
    expect(email.text).toContain('亲爱的 susan：');
    expect(email.text).toContain('http://app.test/reset/abc');
    expect(email.text).toContain('10 分钟后失效');
    expect(email.html).toContain('<html lang="zh-CN">');
    expect(email.html).toContain('<a href="http://app.test/reset/abc">重置您的密码</a>');
    expect(email.text).not.toMatch(/Dear|Sincerely|password/);
  });

  it('give times in the reader’s language, in UTC', () => {
    const changedAt = new Date('2026-01-02T14:03:00Z');
    const props = { username: 'susan', changedAt, forgotPasswordUrl: 'http://app.test/forgot-password' };
    expect(passwordChangedEmail({ locale: 'en', ...props }).text).toContain('was changed on 2 January 2026 at 14:03 UTC,');
    expect(passwordChangedEmail({ locale: 'zh-CN', ...props }).text).toContain('已于 2026年1月2日 14:03 UTC 更改');
  });
});

describe('mail in the recipient’s language', () => {
  it('keeps the language an account signed up in, and mails it in that language', async () => {
    const user = await account('zh-CN');
    expect((await findUserByEmail(user.email))?.locale).toBe('zh-CN');
    expect((await latestMailTo(user.email)).subject).toBe('[Microblog] 确认您的电子邮件');
  });

  it('is English for an account that never chose', async () => {
    const user = await account();
    expect(user.locale).toBe('en');
    expect((await latestMailTo(user.email)).subject).toBe('[Microblog] Confirm Your Email');
  });

  it('sends a reset link in the account’s language, whoever asks for it and in whatever language', async () => {
    const user = await account('zh-CN');
    await requestPasswordReset(user.email, anyIp());
    const mail = await latestMailTo(user.email);
    expect(mail.subject).toBe('[Microblog] 重置您的密码');
    expect(mail.html).toContain('lang="zh-CN"');
  });

  it('follows the language switcher: a later email uses the newly chosen language', async () => {
    const user = await account('zh-CN');
    await setUserLocale(user.id, 'en');
    await requestPasswordReset(user.email, anyIp());
    const reset = await latestMailTo(user.email);
    expect(reset.subject).toBe('[Microblog] Reset Your Password');

    await setUserLocale(user.id, 'zh-CN');
    const token = reset.text.match(/\/reset\/([\w.-]+)/)?.[1] ?? '';
    expect((await resetPassword(token, 'a brand new password')).ok).toBe(true);
    expect((await latestMailTo(user.email)).subject).toBe('[Microblog] 您的密码已更改');
  });

  it('tells the owner of an address someone tried to sign up with, in the owner’s language', async () => {
    const owner = await account('zh-CN');
    await registerUser({ username: unique('intruder'), email: owner.email, password: 'another long password', locale: 'en' }, anyIp());
    expect((await latestMailTo(owner.email)).subject).toBe('[Microblog] 有人尝试使用您的地址注册');
  });
});
