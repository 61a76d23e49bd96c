import { existsSync, rmSync } from 'node:fs';
import { defineConfig, devices } from '@playwright/test';
import { APP_PORT, INBOX_PORT, INBOX_URL, SMTP_PORT } from './e2e/ports';
import { APP_URL, CRON_SECRET, DATABASE_FILE, DEPLOYED, MAILBOX_TOKEN, PROTECTION_BYPASS_HEADERS, SENDER } from './e2e/server';

// E2E_DATABASE_URL runs the local server on another database, e.g. a fresh Postgres one:
// `node scripts/postgres-cluster.mjs --migrate -- npx playwright test e2e/password-reset.spec.ts`.
// Specs that read the database file directly (e2e/database.ts) need the default SQLite file.
const DATABASE_URL = process.env.E2E_DATABASE_URL ?? DATABASE_FILE;

// A fresh database for every local run; workers load this file too and must not delete it under the server.
if (!DEPLOYED && !process.env.E2E_DATABASE_URL && !process.env.TEST_WORKER_INDEX) {
  for (const suffix of ['', '-wal', '-shm']) rmSync(`${DATABASE_FILE}${suffix}`, { force: true });
}

/** Playwright's own Chromium where it is installed, else the system's (Debian's package). */
function chromiumPath(): string | undefined {
  if (process.env.CHROMIUM_PATH) return process.env.CHROMIUM_PATH;
  return existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined;
}

/** An SMTP sink with a JSON inbox, and the production build beside it with a fresh database. */
const localServers = [
  {
    command: `node scripts/smtp-sink.mjs --port ${SMTP_PORT} --inbox-port ${INBOX_PORT} --quiet`,
    url: `${INBOX_URL}/health`,
    reuseExistingServer: false,
  },
  {
    command: `node node_modules/next/dist/bin/next start --port ${APP_PORT} --hostname 127.0.0.1`,
    url: `${APP_URL}/login`,
    reuseExistingServer: false,
    timeout: 60_000,
    env: {
      NEXT_TELEMETRY_DISABLED: '1',
      SECRET_KEY: 'e2e-secret-key-long-enough-for-production-use',
      APP_URL,
      DATABASE_URL,
      MAIL_SERVER: '127.0.0.1',
      MAIL_PORT: String(SMTP_PORT),
      ADMINS: SENDER,
      CRON_SECRET: CRON_SECRET ?? '',
      // The dev mailbox is off in production builds; the tests read it, so it is on here, its
      // JSON behind MAILBOX_TOKEN as on a preview, so both sides of that check are tested.
      DEV_MAILBOX: '1',
      MAILBOX_TOKEN,
      // As behind a proxy, so each test can be its own client address (see e2e/fixtures.ts).
      TRUST_PROXY: '1',
      // No network here: letter avatars only, without a first request waiting on Gravatar.
      GRAVATAR_URL: 'off',
    },
  },
];

export default defineConfig({
  testDir: './e2e',
  fullyParallel: true,
  forbidOnly: !!process.env.CI,
  retries: process.env.CI ? 1 : 0,
  workers: 2,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [['list'], ['html', { open: 'never' }]] : 'list',
  use: {
    baseURL: APP_URL,
    // Through a preview's Deployment Protection, which would answer with a login page.
    extraHTTPHeaders: PROTECTION_BYPASS_HEADERS,
    trace: 'retain-on-failure',
    ...devices['Desktop Chrome'],
    launchOptions: {
      executablePath: chromiumPath(),
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    },
  },
  // With PLAYWRIGHT_BASE_URL the app is already running somewhere; there is nothing to start.
  webServer: DEPLOYED ? [] : localServers,
});
