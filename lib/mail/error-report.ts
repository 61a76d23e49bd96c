import 'server-only';
import { getConfig, type Config } from '@/lib/config';
import { sendEmail } from './send-email';

const QUIET_PERIOD_MS = 10 * 60 * 1000;
const lastMailed = new Map<string, number>();

export type ServerError = { name?: string; message?: string; stack?: string; digest?: string };
export type ErrorContext = { method: string; routePath: string; routeType: string };

/**
 * Mails the admins about an unhandled server error, as the seed's SMTPHandler did,
 * at most once per distinct error per 10 minutes. The route pattern is reported,
 * never the request path, headers or body: a reset token or password must not leak.
 */
export function reportServerError(
  error: ServerError,
  context: ErrorContext,
  { config = getConfig(), now = Date.now() }: { config?: Config; now?: number } = {},
): boolean {
  if (!config.production) return false;
  const key = `${context.routePath}|${error.name}|${error.message}`;
  const last = lastMailed.get(key);
  if (last !== undefined && now - last < QUIET_PERIOD_MS) return false;
  lastMailed.set(key, now);
  sendEmail({
    to: config.admins,
    subject: 'Microblog Failure',
    text: [
      `Route: ${context.method} ${context.routePath} (${context.routeType})`,
      `Error: ${error.name ?? 'Error'}: ${error.message ?? ''}`,
      `Digest: ${error.digest ?? 'none'}`,
      `Time: ${new Date(now).toISOString()}`,
      '',
      error.stack ?? '',
    ].join('\n'),
  });
  return true;
}
