import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { getConfig, parseConfig } from '@/lib/config';
import { reportServerError } from '@/lib/mail';
import { emptyOutbox, outboxRows } from './support/outbox-fixtures';

const production = parseConfig({
  NODE_ENV: 'production',
  SECRET_KEY: 'a-production-secret-of-at-least-32-characters',
  APP_URL: 'https://microblog.example.com',
  MAIL_SERVER: '127.0.0.1',
  ADMINS: 'ops@example.com,dev@example.com',
  // One server process: the whole allowance is this one's.
  WEB_CONCURRENCY: '1',
});
const context = { method: 'POST', routePath: '/reset/[token]', routeType: 'action' };
const MINUTE = 60_000;
const mails = outboxRows;

describe('error mail to admins', () => {
  beforeEach(emptyOutbox);
  afterEach(() => {
    // Each test starts with no error mailed yet, as a fresh process would.
    const state = (globalThis as { microblogErrorMail?: { digestTimer: NodeJS.Timeout | null } }).microblogErrorMail;
    if (state?.digestTimer) clearTimeout(state.digestTimer);
    delete (globalThis as { microblogErrorMail?: unknown }).microblogErrorMail;
  });

  it('mails the admins the route, the error and its digest, behind users’ mail', async () => {
    expect(await reportServerError({ name: 'TypeError', message: 'boom', digest: '123' }, context, { config: production })).toBe(true);
    const [row] = await mails();
    expect(row?.subject).toBe('Microblog Failure');
    expect(row?.to).toEqual(['ops@example.com', 'dev@example.com']);
    expect(row?.text).toContain('POST /reset/[token]');
    expect(row?.text).toContain('TypeError: boom');
    expect(row?.text).toContain('Digest: 123');
    expect(row?.html).toContain('TypeError: boom');
    expect(row?.priority).toBeGreaterThan(0);
  });

  it('mails once per route and kind of error in 10 minutes, whatever the message says', async () => {
    const now = Date.now();
    // What an attacker controls: the text inside the error.
    for (let index = 0; index < 200; index += 1) {
      await reportServerError({ name: 'SyntaxError', message: `Cannot convert attacker-text-${index} to a BigInt` }, context, { config: production, now: now + index });
    }
    expect(await mails()).toHaveLength(1);
    expect(await reportServerError({ name: 'TypeError', message: 'another kind' }, context, { config: production, now: now + MINUTE })).toBe(true);
    expect(await reportServerError({ name: 'SyntaxError', message: 'again' }, { ...context, routePath: '/register' }, { config: production, now: now + MINUTE })).toBe(true);
    expect(await reportServerError({ name: 'SyntaxError', message: 'later' }, context, { config: production, now: now + 11 * MINUTE })).toBe(true);
  });

  it('sends at most 10 in 10 minutes, then one digest saying how many more there were', async () => {
    const now = Date.now();
    const routes = Array.from({ length: 25 }, (_, index) => `/route-${index}`);
    const mailed: boolean[] = [];
    for (const [index, routePath] of routes.entries()) {
      mailed.push(await reportServerError({ name: 'Error', message: 'x' }, { ...context, routePath }, { config: production, now: now + index }));
    }
    expect(mailed.filter(Boolean)).toHaveLength(10);
    expect(await mails()).toHaveLength(10);

    await reportServerError({ name: 'Error', message: 'next window' }, { ...context, routePath: '/route-next' }, { config: production, now: now + 10 * MINUTE });
    const digest = (await mails()).find((row) => row.subject !== 'Microblog Failure');
    expect(digest?.subject).toBe('Microblog Failure: 15 more errors');
    expect(digest?.text).toContain('1 × Error at POST /route-24 (action)');
    expect(await mails()).toHaveLength(12);
  });

  it('gives each of the server processes its share of the 10', async () => {
    const worker = { ...production, serverProcesses: 3 };
    const mailed: boolean[] = [];
    for (let index = 0; index < 10; index += 1) {
      mailed.push(await reportServerError({ name: 'Error', message: 'x' }, { ...context, routePath: `/route-${index}` }, { config: worker, now: Date.now() + index }));
    }
    expect(mailed.filter(Boolean)).toHaveLength(4);
  });

  it('remembers a bounded amount however many kinds of errors come', async () => {
    const now = Date.now();
    for (let index = 0; index < 10_000; index += 1) {
      await reportServerError({ name: `Kind${index}`, message: 'x' }, { ...context, routePath: `/route-${index}` }, { config: production, now });
    }
    const state = (globalThis as { microblogErrorMail?: { lastMailed: Map<string, number>; unmailed: Map<string, unknown> } }).microblogErrorMail;
    expect(state?.lastMailed.size).toBeLessThanOrEqual(10);
    expect(state?.unmailed.size).toBeLessThanOrEqual(20);

    await reportServerError({ name: 'Error', message: 'x' }, context, { config: production, now: now + 10 * MINUTE });
    const digest = (await mails()).find((row) => row.subject.startsWith('Microblog Failure: '));
    expect(digest?.subject).toBe('Microblog Failure: 9990 more errors');
    expect(digest?.text).toContain('9970 of other routes and kinds');
  });

  it('stays quiet outside production', async () => {
    expect(await reportServerError({ message: 'dev error' }, context, { config: getConfig() })).toBe(false);
  });
});
