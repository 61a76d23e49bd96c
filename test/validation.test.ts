import { describe, expect, it } from 'vitest';
import { fieldErrorWords } from '@/i18n/field-errors';
import { forgotPasswordSchema, loginSchema, registerSchema, resetPasswordSchema } from '@/lib/validation/auth';
import { parseForm } from '@/lib/validation/form-state';
import { editProfileSchema, postSchema } from '@/lib/validation/posts';
import { formDataOf as form } from './support/form-data';

const inEnglish = fieldErrorWords('en');
/** The schemas give message keys; these are the words an English page shows for them. */
const english = (message: string | undefined) => inEnglish.translate(message ?? '');


const good = { username: 'susan', email: 'Susan@Example.com', password: 'correct horse', password2: 'correct horse' };

describe('register form', () => {
  it('accepts a good sign-up and lower-cases the email', () => {
    const parsed = registerSchema.parse(good);
    expect(parsed.email).toBe('susan@example.com');
  });

  it('refuses mismatched passwords next to the repeat field', () => {
    const result = registerSchema.safeParse({ ...good, password2: 'something else' });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(['password2']);
  });

  it.each([
    ['a password of 7 characters', { password: '1234567', password2: '1234567' }, 'password'],
    ['a password of 129 characters', { password: 'x'.repeat(129), password2: 'x'.repeat(129) }, 'password'],
    ['an email without a domain', { email: 'susan@' }, 'email'],
    ['an email with a line break', { email: 'susan@example.com\r\nBcc: victim@example.com' }, 'email'],
    ['a username with spaces', { username: 'su san' }, 'username'],
    ['a username with markup', { username: '<script>' }, 'username'],
    ['an overlong username', { username: 'u'.repeat(65) }, 'username'],
    ['an empty username', { username: '' }, 'username'],
    ['a password with a null byte', { password: 'pass\u0000word', password2: 'pass\u0000word' }, 'password'],
    ['a password that arrived as invalid UTF-8', { password: 'pass\uFFFDword', password2: 'pass\uFFFDword' }, 'password'],
  ])('refuses %s', (_name, override, field) => {
    const result = registerSchema.safeParse({ ...good, ...override });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.path[0])).toContain(field);
  });

  it('accepts a password of exactly 8 and of exactly 128 characters', () => {
    for (const password of ['1a2b3c4d', 'correct horse '.repeat(10).slice(0, 128)]) {
      expect(registerSchema.safeParse({ ...good, password, password2: password }).success).toBe(true);
    }
  });

  it('accepts any characters in a password', () => {
    const password = 'pässwörd 🔑 with spaces';
    expect(registerSchema.safeParse({ ...good, password, password2: password }).success).toBe(true);
  });
});

describe('login form', () => {
  it('reads a ticked Remember Me from a form post and from the browser form', () => {
    expect(loginSchema.parse({ username: 'a', password: 'b', remember: 'on' }).remember).toBe(true);
    expect(loginSchema.parse({ username: 'a', password: 'b', remember: true }).remember).toBe(true);
    expect(loginSchema.parse({ username: 'a', password: 'b' }).remember).toBe(false);
  });

  it('refuses missing fields', () => {
    expect(loginSchema.safeParse({}).success).toBe(false);
  });
});

describe('forgot and reset forms', () => {
  it('needs a real email address', () => {
    expect(forgotPasswordSchema.safeParse({ email: 'nope' }).success).toBe(false);
    expect(forgotPasswordSchema.parse({ email: ' A@B.co ' }).email).toBe('a@b.co');
  });

  it('refuses a new password that is too short or does not match', () => {
    expect(resetPasswordSchema.safeParse({ password: 'short', password2: 'short' }).success).toBe(false);
    expect(resetPasswordSchema.safeParse({ password: 'long enough', password2: 'long enougH' }).success).toBe(false);
    expect(resetPasswordSchema.safeParse({ password: 'long enough', password2: 'long enough' }).success).toBe(true);
  });
});

describe('post and about-me text', () => {
  it('keeps line breaks and tabs', () => {
    expect(postSchema.safeParse({ post: 'two\r\nlines\tand a tab' }).success).toBe(true);
  });

  it.each([
    ['a null byte', 'hello\u0000world'],
    ['an escape sequence', 'hello\u001b[31mred'],
    ['bytes that were not UTF-8', 'hello\uFFFD'],
  ])('refuses %s with a message beside the box', (_name, text) => {
    const result = postSchema.safeParse({ post: text });
    expect(english(result.error?.issues[0]?.message)).toBe('A post cannot contain control characters.');
    expect(editProfileSchema.safeParse({ username: 'susan', about_me: text }).success).toBe(false);
  });
});

describe('parseForm', () => {
  it('returns field errors and the submitted values, never the passwords', () => {
    const result = parseForm(registerSchema, form({ ...good, email: 'bad' }), inEnglish);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.state.errors?.email?.[0]).toBe('Please enter a valid email address.');
    expect(result.state.values).toEqual({ username: 'susan', email: 'bad' });
  });

  it('refuses a file where text belongs', () => {
    const data = form({ password: 'x'.repeat(10), password2: 'x'.repeat(10) });
    data.set('password', new Blob(['x'.repeat(10)]));
    expect(parseForm(resetPasswordSchema, data, inEnglish).ok).toBe(false);
  });
});

describe('look-alike usernames', () => {
  it('reads a full-width name as the name it looks like', () => {
    expect(registerSchema.parse({ ...good, username: 'ａｄｍｉｎ' }).username).toBe('admin');
    expect(loginSchema.parse({ username: 'ａｄｍｉｎ', password: 'x' }).username).toBe('admin');
  });

  it.each([
    ['Latin with a Cyrillic а', '\u0430dmin'],
    ['Latin with a Greek ο', 'r\u03bfot'],
    ['Cyrillic with a Latin letter', 'пaвел'],
  ])('refuses a name that mixes scripts: %s', (_name, username) => {
    const result = registerSchema.safeParse({ ...good, username });
    expect(result.error?.issues.map((issue) => english(issue.message))).toContain('Use the letters of one alphabet only.');
  });

  it.each([['张伟'], ['さとう_ハナ子'], ['김민준'], ['Павел'], ['José.García-2']])('accepts %s, written in one script', (username) => {
    expect(registerSchema.safeParse({ ...good, username }).success).toBe(true);
  });
});

describe('repetitive and sequential passwords', () => {
  it.each([['aaaaaaaa'], ['abababab'], ['abcabcabc'], ['12345678'], ['1234abcd'], ['abcd4321'], ['zyxwvuts'], ['AAAAaaaa']])('refuses %s', (password) => {
    const result = registerSchema.safeParse({ ...good, password, password2: password });
    expect(result.error?.issues.map((issue) => english(issue.message))).toContain('Avoid repeated or sequential characters such as aaaaaaaa or 1234abcd.');
  });

  it.each([['correct horse'], ['abcdxyz1'], ['Tr0ub4dor&3'], ['12345678x9']])('accepts %s', (password) => {
    expect(registerSchema.safeParse({ ...good, password, password2: password }).success).toBe(true);
  });
});

describe('an action call that carries no form', () => {
  it.each([[undefined], [null], ['text'], [{ email: 'a@example.com' }]])('is answered with a message, not a crash: %j', (notAForm) => {
    const result = parseForm(forgotPasswordSchema, notAForm as unknown as FormData, inEnglish);
    expect(result).toEqual({ ok: false, state: { message: 'This form could not be read. Please reload the page and try again.' } });
  });
});
