import type { Page } from '@playwright/test';
import { selectValue } from './database';
import { expect, test, type Mailbox } from './fixtures';
import { hiddenFormFields, multipartBody, postForm, type RawField } from './http/form-post';
import { register, requestReset, signIn } from './pages/auth';
import { DEPLOYED } from './server';

type Form = { name: string; path: string; fields: string[]; signedIn?: boolean; resetLink?: boolean; freeText?: boolean };

const FORMS: Form[] = [
  { name: 'register', path: '/register', fields: ['username', 'email', 'password', 'password2'] },
  { name: 'sign-in', path: '/login', fields: ['username', 'password', 'remember'] },
  { name: 'forgot password', path: '/forgot-password', fields: ['email'] },
  { name: 'reset password', path: '/reset/:token', fields: ['password', 'password2'], resetLink: true },
  // A post may hold line breaks: CR/LF there is text, and no mail header is near it.
  { name: 'post', path: '/', fields: ['post'], signedIn: true, freeText: true },
  { name: 'edit profile', path: '/edit-profile', fields: ['username', 'about_me'], signedIn: true },
  { name: 'change email', path: '/settings', fields: ['new_email', 'email_password'], signedIn: true },
  { name: 'change password', path: '/settings', fields: ['current_password', 'password', 'password2'], signedIn: true },
];

/** Values no field of ours accepts; each begins with the test's marker so the database can be searched for it. */
function corpus(marker: string, freeText = false): [string, RawField][] {
  const cases: [string, RawField][] = [
    ['an overlong value', `${marker}${'x'.repeat(10_000)}`],
    ['control characters', `${marker}\u0001\u001b[2J`],
    ['CR/LF that would inject a mail header', `${marker}@example.com\r\nBcc: victim@evil.example`],
    ['a null byte', `${marker}pass\u0000word`],
    ['bytes that are not UTF-8', Buffer.concat([Buffer.from(`${marker}pass`), Buffer.from([0xff, 0xfe, 0xc3])])],
    ['a file where text belongs', { filename: 'payload.txt', content: Buffer.from(`${marker}password`) }],
  ];
  return freeText ? cases.filter(([kind]) => !kind.startsWith('CR/LF')) : cases;
}

/** Nothing the attack sent reached a table: no account, post, profile text or email carries the marker. */
function expectNoTrace(marker: string) {
  const like = `%${marker}%`;
  expect(selectValue('select count(*) from users where username like ? or email like ? or about_me like ?', like, like, like)).toBe(0);
  expect(selectValue('select count(*) from posts where body like ?', like)).toBe(0);
  expect(selectValue('select count(*) from outbox where "to" like ? or text like ?', like, like)).toBe(0);
}

const passwordHashOf = (username: string) => selectValue<string>('select password_hash from users where username = ?', username);

/** The form's page; for the reset form, a fresh link's. */
async function resolvePath(form: Form, page: Page, email: string, mailbox: Mailbox): Promise<string> {
  if (!form.resetLink) return form.path;
  await requestReset(page, email);
  return new URL(await mailbox.waitForResetLink(email)).pathname;
}

for (const form of FORMS) {
  test(`the ${form.name} form answers every kind of bad input with a message or a 4xx, and changes nothing`, async ({ page, user, mailbox }) => {
    test.skip(DEPLOYED, 'reads the local server’s database file to prove nothing was stored');
    test.setTimeout(120_000);
    await register(page, user);
    if (form.signedIn) await signIn(page, user.username, user.password);
    const request = page.request;
    const path = await resolvePath(form, page, user.email, mailbox);
    const marker = `zq${user.username.slice(-8)}`;
    const hashBefore = passwordHashOf(user.username);

    for (const [kind, value] of corpus(marker, form.freeText)) {
      const response = await postForm(request, path, form.fields[0] ?? '', Object.fromEntries(form.fields.map((field) => [field, value])));
      expect(response.status(), `${kind}`).toBeLessThan(500);
      if (response.status() === 200) expect(await response.text(), `${kind}: a message on the form`).toMatch(/class="(?:field-error|form-message)" role="alert">[^<]+</);
    }

    const missing = await postForm(request, path, form.fields[0] ?? '', {});
    expect(missing.status(), 'missing fields').toBeLessThan(500);

    const hidden = await hiddenFormFields(request, path, form.fields[0] ?? '');
    const tooBig = multipartBody({ ...hidden, [form.fields[0] ?? 'field']: `${marker}${'y'.repeat(1024 * 1024)}` });
    const big = await request.post(path, { data: tooBig.body, headers: { 'content-type': tooBig.contentType }, maxRedirects: 0 });
    expect(big.status(), 'a 1 MB body').toBe(413);

    const unknownAction = Object.fromEntries(
      Object.entries(hidden).map(([name, value]) => [name, value.replace(/"id":"[0-9a-f]+"/, `"id":"${'0'.repeat(42)}"`)]),
    );
    const unknown = multipartBody({ ...unknownAction, ...Object.fromEntries(form.fields.map((field) => [field, `${marker}valid looking text`])) });
    const stale = await request.post(path, { data: unknown.body, headers: { 'content-type': unknown.contentType }, maxRedirects: 0 });
    expect(stale.status(), 'an unknown server action').toBeGreaterThanOrEqual(400);
    expect(stale.status(), 'an unknown server action').toBeLessThan(500);

    const garbled = multipartBody({ ...hidden, ...Object.fromEntries(Object.keys(hidden).filter((name) => name.includes(':')).map((name) => [name, 'not json'])) });
    const broken = await request.post(path, { data: garbled.body, headers: { 'content-type': garbled.contentType }, maxRedirects: 0 });
    expect(broken.status(), 'a garbled action envelope').toBe(400);

    expectNoTrace(marker);
    expect(passwordHashOf(user.username)).toBe(hashBefore);
  });
}
