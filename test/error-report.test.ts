import { beforeEach, describe, expect, it } from 'vitest';
import { getConfig, parseConfig } from '@/lib/config';
import { getDb } from '@/lib/db/client';
import { outbox } from '@/lib/db/schema';
import { reportServerError } from '@/lib/mail/error-report';

const production = parseConfig({
  NODE_ENV: 'production',
  SECRET_KEY: 'a-production-secret-of-at-least-32-characters',
  APP_URL: 'https://microblog.example.com',
  MAIL_SERVER: '127.0.0.1',
  ADMINS: 'ops@example.com,dev@example.com',
});
const context = { method: 'POST', routePath: '/reset/[token]', routeType: 'action' };

describe('error mail to admins', () => {
  beforeEach(() => getDb().delete(outbox).run());

  it('mails the admins the route, the error and its digest', () => {
    expect(reportServerError({ name: 'TypeError', message: 'boom', digest: '123' }, context, { config: production })).toBe(true);
    const [row] = getDb().select().from(outbox).all();
    expect(row?.subject).toBe('Microblog Failure');
    expect(row?.to).toEqual(['ops@example.com', 'dev@example.com']);
    expect(row?.text).toContain('POST /reset/[token]');
    expect(row?.text).toContain('TypeError: boom');
    expect(row?.text).toContain('Digest: 123');
  });

  it('sends one mail per distinct error per 10 minutes', () => {
    const now = Date.now();
    const error = { name: 'Error', message: 'same every time' };
    expect(reportServerError(error, context, { config: production, now })).toBe(true);
    expect(reportServerError(error, context, { config: production, now: now + 60_000 })).toBe(false);
    expect(reportServerError({ ...error, message: 'another' }, context, { config: production, now: now + 60_000 })).toBe(true);
    expect(reportServerError(error, context, { config: production, now: now + 11 * 60_000 })).toBe(true);
  });

  it('stays quiet outside production', () => {
    expect(reportServerError({ message: 'dev error' }, context, { config: getConfig() })).toBe(false);
  });
});
