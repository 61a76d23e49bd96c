import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Locale } from '@/i18n/locales';
import { formDataOf as form } from './support/form-data';

const page = vi.hoisted(() => ({ locale: 'zh-CN' as Locale, lookups: 0 }));
vi.mock('next-intl/server', () => ({
  getLocale: async () => {
    page.lookups += 1;
    return page.locale;
  },
}));

const { parseFormPost } = await import('@/i18n/field-errors');
const { resetPasswordSchema } = await import('@/lib/validation/auth');

describe('parseFormPost', () => {
  beforeEach(() => {
    page.locale = 'zh-CN';
    page.lookups = 0;
  });

  it('looks no language up for a valid post', async () => {
    const parsed = await parseFormPost(resetPasswordSchema, form({ password: 'a long enough password', password2: 'a long enough password' }));
    expect(parsed).toEqual({ ok: true, data: { password: 'a long enough password', password2: 'a long enough password' } });
    expect(page.lookups).toBe(0);
  });

  it('words a post with errors in the language of the page it came from', async () => {
    const parsed = await parseFormPost(resetPasswordSchema, form({ password: 'short', password2: 'other' }));
    if (parsed.ok) throw new Error('a short password was taken');
    expect(parsed.state.errors?.password).toEqual(['密码至少需要 8 个字符。']);
    expect(parsed.state.errors?.password2).toEqual(['两次输入的密码不一致。']);
    expect(page.lookups).toBe(1);
  });

  it('words zod’s own checks in that language too, such as a file where text belongs', async () => {
    const parsed = await parseFormPost(resetPasswordSchema, form({ password: new Blob(['x']), password2: 'x' }));
    if (parsed.ok) throw new Error('a file was taken for a password');
    expect(parsed.state.errors?.password?.[0]).toMatch(/\p{Script=Han}/u);
  });

  it('sends back no password with the errors', async () => {
    page.locale = 'en';
    const parsed = await parseFormPost(resetPasswordSchema, form({ password: 'short', password2: 'short' }));
    if (parsed.ok) throw new Error('a short password was taken');
    expect(parsed.state.errors?.password).toEqual(['Password must be at least 8 characters.']);
    expect(parsed.state.values).toEqual({});
  });
});
