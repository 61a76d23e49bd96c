import { expect, test } from './fixtures';
import { register, requestReset } from './pages/auth';
import { CRON_SECRET } from './ports';

test('a recipient the SMTP server refuses is given up at once, with the reason in /dev/mail', async ({ page, request, user }) => {
  const refused = { ...user, email: `refuse-${user.email}` };
  await register(page, refused);
  await requestReset(page, refused.email);

  await expect
    .poll(async () => {
      const response = await request.get(`/dev/mail/latest?to=${encodeURIComponent(refused.email)}`);
      return response.ok() ? ((await response.json()) as { status: string }).status : response.status();
    })
    .toBe('dead');
  const latest = (await (await request.get(`/dev/mail/latest?to=${encodeURIComponent(refused.email)}`)).json()) as {
    attempts: number;
    lastError: string;
    subject: string;
  };
  expect(latest.attempts).toBe(1);
  expect(latest.lastError).toContain('No such user here');
  expect(latest.subject).toBe('[Microblog] Reset Your Password');

  await page.goto('/dev/mail');
  const message = page.getByRole('listitem').filter({ hasText: refused.email }).first();
  await expect(message).toContainText('dead after 1 attempt');
  await expect(message).toContainText('No such user here');
});

test('the cron route drains only for the holder of CRON_SECRET', async ({ request }) => {
  expect((await request.get('/api/cron/outbox')).status()).toBe(401);
  expect((await request.get('/api/cron/outbox', { headers: { authorization: 'Bearer wrong' } })).status()).toBe(401);
  const response = await request.get('/api/cron/outbox', { headers: { authorization: `Bearer ${CRON_SECRET}` } });
  expect(response.status()).toBe(200);
  expect(await response.json()).toEqual(expect.objectContaining({ sent: expect.any(Number), dead: expect.any(Number) }));
});
