import 'server-only';
import { errorDigestEmail, errorReportEmail } from '@/emails/error-report';
import { getConfig, type Config } from '@/lib/config';
import { sendEmail } from './send-email';

/** A window: one mail per route and kind of error in it, and at most MAILS_PER_WINDOW in all. */
const WINDOW_MS = 10 * 60_000;
const MAILS_PER_WINDOW = 10;
/**
 * The count lives in memory, per process, so the server processes (`npm start`'s workers, or
 * `next start` and its helpers) split the cap: each mails its share, rounded up and at least
 * one, which keeps the admins' total near MAILS_PER_WINDOW (one a process past that many
 * processes). The one-per-route rule and the digest stay per process: an error on every
 * process is mailed once by each.
 */
const mailsPerWindow = (config: Config) => Math.max(1, Math.ceil(MAILS_PER_WINDOW / config.serverProcesses));
/** Routes and kinds the digest names one by one; the rest it counts together. */
const DIGEST_LINES = 20;
const MESSAGE_CHARS = 1_000;
const STACK_CHARS = 8_000;

export type ServerError = { name?: string; message?: string; stack?: string; digest?: string };
export type ErrorContext = { method: string; routePath: string; routeType: string };

type Unmailed = { route: string; kind: string; count: number };

type ErrorMail = {
  windowStartedAt: number;
  mailedInWindow: number;
  /** When each route and kind was last mailed: at most two windows' mails, so a few dozen entries. */
  lastMailed: Map<string, number>;
  unmailed: Map<string, Unmailed>;
  unmailedOthers: number;
  digestTimer: NodeJS.Timeout | null;
};

// On globalThis: every bundled copy of this module must share one count, or the cap multiplies.
const globalForErrorMail = globalThis as unknown as { microblogErrorMail?: ErrorMail };

function errorMail(now: number): ErrorMail {
  globalForErrorMail.microblogErrorMail ??= {
    windowStartedAt: now,
    mailedInWindow: 0,
    lastMailed: new Map(),
    unmailed: new Map(),
    unmailedOthers: 0,
    digestTimer: null,
  };
  return globalForErrorMail.microblogErrorMail;
}

/** Ends the window if its time is up: mails the digest of what went unmailed in it, and forgets what no longer matters. */
async function closeWindowIfOver(state: ErrorMail, config: Config, now: number): Promise<void> {
  if (now - state.windowStartedAt < WINDOW_MS) return;
  const unmailed = [...state.unmailed.values()].sort((a, b) => b.count - a.count);
  // Made before the window is reset, queued after: a second error meanwhile finds the new window, not this digest.
  const digest =
    unmailed.length > 0 || state.unmailedOthers > 0
      ? errorDigestEmail({ since: new Date(state.windowStartedAt), until: new Date(now), unmailed, others: state.unmailedOthers })
      : null;
  if (state.digestTimer) clearTimeout(state.digestTimer);
  state.digestTimer = null;
  state.unmailed.clear();
  state.unmailedOthers = 0;
  state.windowStartedAt = now;
  state.mailedInWindow = 0;
  for (const [key, mailedAt] of state.lastMailed) if (now - mailedAt >= WINDOW_MS) state.lastMailed.delete(key);
  if (digest) await sendEmail({ to: config.admins, audience: 'admin', ...digest });
}

function countUnmailed(state: ErrorMail, config: Config, route: string, kind: string, now: number): void {
  const key = `${route}|${kind}`;
  const entry = state.unmailed.get(key);
  if (entry) entry.count += 1;
  else if (state.unmailed.size < DIGEST_LINES) state.unmailed.set(key, { route, kind, count: 1 });
  else state.unmailedOthers += 1;
  // The digest goes out when the window ends, even if no further error comes to close it.
  state.digestTimer ??= setTimeout(() => {
    closeWindowIfOver(state, config, Date.now()).catch((error: unknown) => console.error('Could not queue the error digest:', error));
  }, state.windowStartedAt + WINDOW_MS - now).unref();
}

/**
 * Mails the admins about an unhandled server error, as the seed's SMTPHandler did. The
 * route pattern is reported, never the request path, headers or body: a reset token or
 * password must not leak. One mail per route and kind of error per 10 minutes, keyed on
 * what the code decides and not on the message, which a request can fill with anything;
 * at most 10 mails per 10 minutes in all, then one digest says how many more there were.
 * The admins' mail waits behind users' mail in the outbox.
 */
export async function reportServerError(
  error: ServerError,
  context: ErrorContext,
  { config = getConfig(), now = Date.now() }: { config?: Config; now?: number } = {},
): Promise<boolean> {
  if (!config.production) return false;
  const state = errorMail(now);
  await closeWindowIfOver(state, config, now);
  const route = `${context.method} ${context.routePath} (${context.routeType})`;
  const kind = (error.name || 'Error').slice(0, 100);
  const key = `${route}|${kind}`;
  const last = state.lastMailed.get(key);
  if (last !== undefined && now - last < WINDOW_MS) return false;
  if (state.mailedInWindow >= mailsPerWindow(config)) {
    countUnmailed(state, config, route, kind, now);
    return false;
  }
  state.mailedInWindow += 1;
  state.lastMailed.set(key, now);
  const email = errorReportEmail({
    ...context,
    name: kind,
    message: (error.message ?? '').slice(0, MESSAGE_CHARS),
    digest: error.digest,
    occurredAt: new Date(now),
    stack: error.stack?.slice(0, STACK_CHARS),
  });
  await sendEmail({ to: config.admins, audience: 'admin', ...email });
  return true;
}
