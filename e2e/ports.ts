/**
 * Where the local e2e servers listen; loopback only. `E2E_PORT_BASE` moves them all,
 * so two checkouts can run their suites side by side.
 */
const BASE = Number(process.env.E2E_PORT_BASE ?? 3100);
export const APP_PORT = BASE;
export const SMTP_PORT = BASE + 1;
export const INBOX_PORT = BASE + 2;
/** The app of `npm run test:e2e:preview`, configured as a Vercel preview. */
export const REHEARSAL_PORT = BASE + 3;
export const INBOX_URL = `http://127.0.0.1:${INBOX_PORT}`;
/** A second server, which e2e/mail-shutdown.spec.ts starts and stops itself, and its SMTP relay. */
export const SHUTDOWN_APP_PORT = BASE + 7;
export const SHUTDOWN_SMTP_PORT = BASE + 8;
/** Two servers on one Postgres, which e2e/two-servers.spec.ts starts itself. */
export const SHARED_APP_PORTS = [BASE + 9, BASE + 10] as const;
/** `npm start`'s cluster, which e2e/cluster.spec.ts starts itself, and its SMTP relay. */
export const CLUSTER_APP_PORT = BASE + 11;
export const CLUSTER_SMTP_PORT = BASE + 12;
