// `npm run test:e2e:preview [-- <specs>]`: the password reset and mailbox specs (or the given
// ones) against a local stand-in for a Vercel preview.
// The production build runs as Vercel would run a preview (VERCEL=1, VERCEL_ENV=preview, no
// MAIL_SERVER, so mail is captured), and Playwright drives it only as it would a deployed one:
// through PLAYWRIGHT_BASE_URL and the mailbox API, with no SMTP sink, no database file and no
// X-Forwarded-For of its own. Two differences stay: SQLite stands in for Neon's Postgres, and
// APP_URL pins plain http on loopback, where Vercel's addresses would say https.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { REHEARSAL_PORT } from '../e2e/ports';

const host = `127.0.0.1:${REHEARSAL_PORT}`;
const appUrl = `http://${host}`;
// Outside test-results/, which Playwright empties as it starts, under the running server.
const databaseDir = mkdtempSync(join(tmpdir(), 'microblog-preview-'));
const database = join(databaseDir, 'preview.db');
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

const server = spawn(process.execPath, ['node_modules/next/dist/bin/next', 'start', '--port', String(REHEARSAL_PORT), '--hostname', '127.0.0.1'], {
  env: previewEnvironment,
  stdio: ['ignore', 'inherit', 'inherit'],
});
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
  rmSync(databaseDir, { recursive: true, force: true });
}
process.exit(status);
