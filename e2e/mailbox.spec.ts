import { expect, RESET_SUBJECT, test } from './fixtures';
import { register, requestReset } from './pages/auth';
import { CRON_SECRET, DEPLOYED, MAILBOX_TOKEN } from './server';

const latestTo = (address: string) => `/dev/mail/latest?to=${encodeURIComponent(address)}`;
const bearer = (token: string | undefined) => ({ authorization: `Bearer ${token}` });

test('a recipient the SMTP server refuses is given up at once, with the reason in /dev/mail', async ({ page, request, user }) => {
  test.skip(DEPLOYED, 'needs the local SMTP sink, which refuses refuse-* recipients, and the /dev/mail pages');
  const refused = { ...user, email: `refuse-${user.email}` };
  await register(page, refused);
  await requestReset(page, refused.email);

  await expect
    .poll(async () => {
      const response = await request.get(latestTo(refused.email), { headers: bearer(MAILBOX_TOKEN) });
      return response.ok() ? ((await response.json()) as { status: string }).status : response.status();
    })
    .toBe('dead');
  const latest = (await (await request.get(latestTo(refused.email), { headers: bearer(MAILBOX_TOKEN) })).json()) as {
    attempts: number;
    lastError: string;
    subject: string;
  };
  expect(latest.attempts).toBe(1);
  expect(latest.lastError).toContain('No such user here');
  expect(latest.subject).toBe(RESET_SUBJECT);

  await page.goto('/dev/mail');
  const message = page.getByRole('listitem').filter({ hasText: refused.email }).first();
  await expect(message).toContainText('dead after 1 attempt');
  await expect(message).toContainText('No such user here');
});

test('the mailbox API shows mail only to the holder of MAILBOX_TOKEN', async ({ page, request, user }) => {
  await register(page, user);
  await requestReset(page, user.email);
  const url = latestTo(user.email);

  for (const headers of [{}, bearer('wrong'), bearer(`${MAILBOX_TOKEN}x`), { authorization: `Basic ${MAILBOX_TOKEN}` }]) {
    const refused = await request.get(url, { headers });
    expect(refused.status()).toBe(401);
    expect(await refused.text()).not.toContain(user.email);
  }
  await expect.poll(async () => (await request.get(url, { headers: bearer(MAILBOX_TOKEN) })).status()).toBe(200);
  const latest = (await (await request.get(url, { headers: bearer(MAILBOX_TOKEN) })).json()) as { to: string[]; subject: string };
  expect(latest.to).toEqual([user.email]);
  expect(latest.subject).toBe(RESET_SUBJECT);
});

test('the cron route drains only for the holder of CRON_SECRET', async ({ request }) => {
  test.skip(!CRON_SECRET, 'give the deployed app’s CRON_SECRET to test its cron route');
  expect((await request.get('/api/cron/outbox')).status()).toBe(401);
  expect((await request.get('/api/cron/outbox', { headers: { authorization: 'Bearer wrong' } })).status()).toBe(401);
  const response = await request.get('/api/cron/outbox', { headers: bearer(CRON_SECRET) });
  expect(response.status()).toBe(200);
  expect(await response.json()).toEqual(expect.objectContaining({ sent: expect.any(Number), dead: expect.any(Number) }));
});
