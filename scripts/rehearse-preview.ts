// `npm run test:e2e:preview [-- <specs>]`: the password reset and mailbox specs (or the given
// ones) against a local stand-in for a Vercel preview.
// The production build runs as Vercel would run a preview (VERCEL=1, VERCEL_ENV=preview, no
// MAIL_SERVER, so mail is captured), and Playwright drives it only as it would a deployed one:
// through PLAYWRIGHT_BASE_URL and the mailbox API, with no SMTP sink and no X-Forwarded-For of
// its own. The database is a throwaway Postgres cluster, migrated by `npm run db:migrate` as the
// Vercel build does, and, as root, the server runs from a read-only view of the app (a mount
// namespace of its own, `unshare -m`), as a function's file system is: a write anywhere fails.
// One difference stays: APP_URL pins plain http on loopback, where Vercel's addresses say https.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { setTimeout as sleep } from 'node:timers/promises';
import { startPostgresCluster } from './postgres-cluster.mjs';
import { REHEARSAL_PORT } from '../e2e/ports';

const host = `127.0.0.1:${REHEARSAL_PORT}`;
const appUrl = `http://${host}`;
const cluster = await startPostgresCluster();
const database = await cluster.createDatabase('preview');
const mailboxToken = 'rehearsal-mailbox-token-0123456789abcdef';
const sender = 'preview@microblog.test';
const cronSecret = 'rehearsal-cron-secret-0123456789';
// Every test shares one client address here, as on a preview, so the whole suite would run
// into the per-address limits (20 sign-ups an hour); these journeys stay well inside them.
const specs = process.argv.length > 2 ? process.argv.slice(2) : ['e2e/password-reset.spec.ts', 'e2e/mailbox.spec.ts'];

// A preview's variables and nothing else, so nothing from the caller's shell (a MAIL_SERVER, TRUST_PROXY) leaks in.
const previewEnvironment: NodeJS.ProcessEnv = {
  PATH: process.env.PATH ?? '',
  HOME: process.env.HOME ?? '',
  NODE_ENV: 'production',
  NEXT_TELEMETRY_DISABLED: '1',
  VERCEL: '1',
  VERCEL_ENV: 'preview',
  VERCEL_BRANCH_URL: host,
  VERCEL_URL: host,
  VERCEL_PROJECT_PRODUCTION_URL: 'microblog.example.com',
  APP_URL: appUrl,
  SECRET_KEY: 'rehearsal-secret-key-long-enough-for-production',
  DATABASE_URL: database,
  ADMINS: sender,
  MAILBOX_TOKEN: mailboxToken,
  CRON_SECRET: cronSecret,
};

async function waitUntilUp(server: ChildProcess): Promise<void> {
  for (let tries = 0; tries < 120; tries += 1) {
    if (server.exitCode !== null) throw new Error(`the preview server exited with ${server.exitCode}`);
    const response = await fetch(`${appUrl}/login`).catch(() => undefined);
    if (response?.ok) return;
    await sleep(500);
  }
  throw new Error(`the preview server did not answer at ${appUrl}`);
}

execFileSync('npm', ['run', '--silent', 'db:migrate'], { env: { ...previewEnvironment, DATABASE_URL: database }, stdio: 'inherit' });

const start = [process.execPath, 'node_modules/next/dist/bin/next', 'start', '--port', String(REHEARSAL_PORT), '--hostname', '127.0.0.1'];
// Bind the app's folder onto itself read-only, in a mount namespace only the server sees.
const readOnly = process.getuid?.() === 0;
const command = readOnly
  ? ['unshare', '-m', '--', 'sh', '-c', 'mount --bind "$PWD" "$PWD" && mount -o remount,bind,ro "$PWD" && exec "$@"', 'read-only', ...start]
  : start;
if (!readOnly) console.warn('Not root: the server runs from a writable folder (unshare needs root).');
const server = spawn(command[0] ?? '', command.slice(1), { env: previewEnvironment, stdio: ['ignore', 'inherit', 'inherit'] });
let status = 1;
try {
  await waitUntilUp(server);
  const playwright = spawn(process.execPath, ['node_modules/@playwright/test/cli.js', 'test', ...specs], {
    env: { ...process.env, PLAYWRIGHT_BASE_URL: appUrl, MAILBOX_TOKEN: mailboxToken, ADMINS: sender, CRON_SECRET: cronSecret },
    stdio: 'inherit',
  });
  status = await new Promise<number>((resolve) => playwright.once('exit', (code) => resolve(code ?? 1)));
} finally {
  if (server.exitCode === null) {
    const exited = new Promise((resolve) => server.once('exit', resolve));
    server.kill('SIGTERM');
    await exited;
  }
  await cluster.stop();
}
process.exit(status);
