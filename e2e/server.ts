import { APP_PORT } from './ports';

/**
 * The app the suite drives: a production build that Playwright starts on loopback beside an
 * SMTP sink (playwright.config.ts), or, with PLAYWRIGHT_BASE_URL, an app already deployed
 * (a Vercel preview), whose mail is read through its mailbox API.
 */
const deployedUrl = process.env.PLAYWRIGHT_BASE_URL?.replace(/\/+$/, '') || undefined;

/** Driving an app this run did not start: no SMTP sink, no database file, no say over client addresses. */
export const DEPLOYED = deployedUrl !== undefined;

export const APP_URL = deployedUrl ?? `http://127.0.0.1:${APP_PORT}`;

function deployedMailboxToken(): string {
  const token = process.env.MAILBOX_TOKEN;
  if (!token) throw new Error('PLAYWRIGHT_BASE_URL needs MAILBOX_TOKEN too: the deployed app’s, so the tests can read its mail.');
  return token;
}

/** Bearer token of GET /dev/mail/latest: the local server's, or the deployed app's MAILBOX_TOKEN. */
export const MAILBOX_TOKEN = DEPLOYED ? deployedMailboxToken() : 'e2e-mailbox-token-0123456789abcdef';

/** Bearer token of GET /api/cron/outbox; against a deployed app, only if CRON_SECRET is given. */
export const CRON_SECRET = DEPLOYED ? process.env.CRON_SECRET : 'e2e-cron-secret-0123456789';

/** The sender of every email, the first of the app's ADMINS; give a deployed app's in ADMINS, or it is the app's default. */
export const SENDER = DEPLOYED ? process.env.ADMINS?.split(',')[0]?.trim() || 'no-reply@microblog.local' : 'admin@microblog.test';

/** Vercel's Protection Bypass for Automation: lets every request through a preview's Deployment Protection. */
const protectionBypass = DEPLOYED ? process.env.VERCEL_AUTOMATION_BYPASS_SECRET : undefined;
export const PROTECTION_BYPASS_HEADERS: Record<string, string> = protectionBypass ? { 'x-vercel-protection-bypass': protectionBypass } : {};

/** The local server's database file, fresh each run; tests read it to prove an attack changed nothing. */
export const DATABASE_FILE = 'test-results/e2e.db';
