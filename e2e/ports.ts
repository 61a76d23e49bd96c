/**
 * Where the e2e servers listen; loopback only. `E2E_PORT_BASE` moves all three,
 * so two checkouts can run their suites side by side.
 */
const BASE = Number(process.env.E2E_PORT_BASE ?? 3100);
export const APP_PORT = BASE;
export const SMTP_PORT = BASE + 1;
export const INBOX_PORT = BASE + 2;
export const APP_URL = `http://127.0.0.1:${APP_PORT}`;
export const INBOX_URL = `http://127.0.0.1:${INBOX_PORT}`;
export const CRON_SECRET = 'e2e-cron-secret-0123456789';
/** The e2e server's database file, fresh each run; tests read it to prove an attack changed nothing. */
export const DATABASE_FILE = 'test-results/e2e.db';
