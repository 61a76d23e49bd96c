import { randomBytes, randomUUID } from 'node:crypto';
import { test as base, expect, type Browser, type BrowserContext, type BrowserContextOptions } from '@playwright/test';
import { INBOX_URL } from './ports';

export type Email = { messageId: string; from: string; to: string[]; subject: string; text: string; html: string };

export type Mailbox = {
  /** The newest message to `to` (after `since` messages already there), waiting for it to arrive. */
  waitForEmail(to: string, options?: { subject?: string; since?: number }): Promise<Email>;
  /** Every message received for `to`, newest first. */
  messagesFor(to: string): Promise<Email[]>;
};

export type TestUser = { username: string; email: string; password: string };

const messagesFor = async (to: string): Promise<Email[]> => {
  const response = await fetch(`${INBOX_URL}/messages?to=${encodeURIComponent(to)}`);
  return (await response.json()) as Email[];
};

/** A made-up client address, as the proxy in front of the app would report it. */
export const randomClientAddress = () => `10.${[...randomBytes(3)].join('.')}`;

/**
 * A browser context of its own, seen by the server as another client address: contexts
 * made with `browser.newContext()` do not get the test's headers, and would otherwise all
 * share one address and its rate limits.
 */
export function newClientContext(browser: Browser, options: BrowserContextOptions = {}): Promise<BrowserContext> {
  return browser.newContext({ ...options, extraHTTPHeaders: { 'x-forwarded-for': randomClientAddress() } });
}

export const test = base.extend<{ mailbox: Mailbox; user: TestUser }>({
  // The server trusts X-Forwarded-For as if behind a proxy; each test is its own client,
  // so the per-address rate limits of one test never throttle another.
  extraHTTPHeaders: async ({}, use) => {
    await use({ 'x-forwarded-for': randomClientAddress() });
  },
  mailbox: async ({}, use) => {
    await use({
      messagesFor,
      async waitForEmail(to, { subject, since = 0 } = {}) {
        let found: Email | undefined;
        await expect
          .poll(
            async () => {
              const messages = await messagesFor(to);
              found = messages.slice(0, messages.length - since).find((message) => !subject || message.subject === subject);
              return Boolean(found);
            },
            { message: `an email to ${to}`, timeout: 15_000 },
          )
          .toBe(true);
        return found as Email;
      },
    });
  },
  // A unique account per test, so tests never share state.
  user: async ({}, use) => {
    const id = randomUUID().slice(0, 8);
    await use({ username: `user_${id}`, email: `user_${id}@example.com`, password: `first password ${id}` });
  },
});

export { expect };

export function resetLinkIn(email: Email): string {
  const link = email.text.match(/https?:\/\/\S+\/reset\/[\w.-]+/)?.[0];
  if (!link) throw new Error(`no reset link in: ${email.text}`);
  return link;
}
