import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { request as apiRequest } from '@playwright/test';
import { startPostgresCluster } from '../scripts/postgres-cluster.mjs';
import { expect, newClientContext, randomClientAddress, test } from './fixtures';
import { formPoster } from './http/form-post';
import { chooseNewPassword, register, requestReset, signIn } from './pages/auth';
import { SHARED_APP_PORTS, SMTP_PORT } from './ports';
import { DEPLOYED } from './server';

const SECRET = 'e2e-secret-key-long-enough-for-production-use';
const [A, B] = SHARED_APP_PORTS.map((port) => `http://127.0.0.1:${port}`) as [string, string];

function startServer(port: number, databaseUrl: string): ChildProcess {
  return spawn(process.execPath, ['node_modules/next/dist/bin/next', 'start', '--port', String(port), '--hostname', '127.0.0.1'], {
    env: {
      ...process.env,
      NEXT_TELEMETRY_DISABLED: '1',
      SECRET_KEY: SECRET,
      // Links in mail point at the first server; the second serves the same accounts.
      APP_URL: A,
      DATABASE_URL: databaseUrl,
      MAIL_SERVER: '127.0.0.1',
      MAIL_PORT: String(SMTP_PORT),
      ADMINS: 'admin@microblog.test',
      TRUST_PROXY: '1',
      GRAVATAR_URL: 'off',
    },
    stdio: 'ignore',
  });
}

test('two servers on one Postgres share sessions and rate limits', async ({ browser, user, mailbox }) => {
  test.skip(DEPLOYED, 'it starts a Postgres cluster and two production servers of its own, on loopback');
  test.setTimeout(240_000);
  const cluster = await startPostgresCluster();
  const servers: ChildProcess[] = [];
  try {
    const databaseUrl = await cluster.createDatabase('shared');
    execFileSync('npm', ['run', '--silent', 'db:migrate'], { env: { ...process.env, DATABASE_URL: databaseUrl }, stdio: 'ignore' });
    servers.push(...SHARED_APP_PORTS.map((port) => startServer(port, databaseUrl)));
    for (const url of [A, B]) await expect.poll(async () => (await fetch(`${url}/login`).catch(() => null))?.status ?? 0, { timeout: 90_000 }).toBe(200);

    const onA = await (await newClientContext(browser, { baseURL: A })).newPage();
    const onB = await (await newClientContext(browser, { baseURL: B })).newPage();
    await register(onA, user);
    await signIn(onB, user.username, user.password);

    // A reset through one server signs the user out on the other.
    await requestReset(onA, user.email);
    await onA.goto(await mailbox.waitForResetLink(user.email));
    await chooseNewPassword(onA, 'a new password for both');
    await expect(onA.getByText('Your password has been reset.')).toBeVisible();
    await onB.goto('/');
    await expect(onB.getByRole('heading', { name: 'Sign In' })).toBeVisible();

    // Guesses counted by one server make the other refuse the account too.
    const guesser = await apiRequest.newContext({ baseURL: A });
    const guess = await formPoster(guesser, '/login', 'username');
    for (let tries = 0; tries < 6; tries++) await guess({ username: user.username, password: `wrong guess ${tries}` }, { 'x-forwarded-for': randomClientAddress() });
    const stranger = await apiRequest.newContext({ baseURL: B });
    const onOther = await formPoster(stranger, '/login', 'username');
    const answer = await onOther({ username: user.username, password: 'a new password for both' }, { 'x-forwarded-for': randomClientAddress() });
    expect(await answer.text()).toContain('Too many sign-in attempts. Please wait a minute and try again.');
    await Promise.all([guesser.dispose(), stranger.dispose(), onA.context().close(), onB.context().close()]);
  } finally {
    for (const server of servers) server.kill('SIGTERM');
    await Promise.all(servers.map((server) => (server.exitCode === null ? new Promise((resolve) => server.once('exit', resolve)) : null)));
    await cluster.stop();
  }
});
