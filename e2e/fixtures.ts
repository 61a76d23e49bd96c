import { randomBytes, randomUUID } from 'node:crypto';
import { test as base, expect, type APIRequestContext, type Browser, type BrowserContext, type BrowserContextOptions } from '@playwright/test';
import { INBOX_URL } from './ports';
import { DEPLOYED, MAILBOX_TOKEN, PROTECTION_BYPASS_HEADERS } from './server';

export type Email = { messageId: string; from: string; to: string[]; subject: string; text: string; html: string };

export type TestUser = { username: string; email: string; password: string };

export const RESET_SUBJECT = '[Microblog] Reset Your Password';

export type Mailbox = {
  /** The newest message to `to` (with `subject`, if given), waiting for it to be delivered. */
  waitForEmail(to: string, options?: { subject?: string }): Promise<Email>;
  /** The link in the newest password reset email to `to`, waiting for it to be delivered. */
  waitForResetLink(to: string): Promise<string>;
  /** Messages for `to`, newest first, delivered or not; the mailbox API shows only the newest. */
  messagesFor(to: string): Promise<Email[]>;
};

type Received = Email & { delivered: boolean };

/** Where messages are read: the local SMTP sink's inbox, or a deployed app's mailbox API. */
type MailSource = (to: string) => Promise<Received[]>;

const fromSmtpSink: MailSource = async (to) => {
  const response = await fetch(`${INBOX_URL}/messages?to=${encodeURIComponent(to)}`);
  return ((await response.json()) as Email[]).map((email) => ({ ...email, delivered: true }));
};

type OutboxMessage = { messageId: string; sender: string; to: string[]; subject: string; text: string; html: string | null; status: string };

function fromMailboxApi(request: APIRequestContext): MailSource {
  return async (to) => {
    // Polling reuses kept-alive connections, which the server may close just as one is reused.
    const response = await request.get(`/dev/mail/latest?to=${encodeURIComponent(to)}`, { headers: { authorization: `Bearer ${MAILBOX_TOKEN}` }, maxRetries: 2 });
    // A JSON 404 is an empty mailbox; a plain one, a mailbox the app does not have.
    if (response.status() === 404 && response.headers()['content-type']?.includes('json')) return [];
    if (!response.ok()) throw new Error(`The mailbox API answered ${response.status()}: does the app have MAILBOX_TOKEN, and the same one?`);
    const message = (await response.json()) as OutboxMessage;
    return [
      {
        messageId: message.messageId,
        from: message.sender,
        to: message.to,
        subject: message.subject,
        text: message.text,
        html: message.html ?? '',
        // Captured (no MAIL_SERVER) or sent: the outbox drain has handled it.
        delivered: message.status === 'captured' || message.status === 'sent',
      },
    ];
  };
}

function resetLinkIn(email: Email): string {
  const link = email.text.match(/https?:\/\/\S+\/reset\/[\w.-]+/)?.[0];
  if (!link) throw new Error(`no reset link in: ${email.text}`);
  return link;
}

function mailboxOf(messagesFor: MailSource): Mailbox {
  async function waitForEmail(to: string, { subject }: { subject?: string } = {}): Promise<Email> {
    let found: Email | undefined;
    await expect
      .poll(
        async () => {
          found = (await messagesFor(to)).find((message) => message.delivered && (!subject || message.subject === subject));
          return Boolean(found);
        },
        { message: `an email to ${to}`, timeout: 15_000 },
      )
      .toBe(true);
    return found as Email;
  }
  return {
    waitForEmail,
    waitForResetLink: async (to) => resetLinkIn(await waitForEmail(to, { subject: RESET_SUBJECT })),
    messagesFor,
  };
}

/** A made-up client address, as the proxy in front of the local server would report it. */
export const randomClientAddress = () => `10.${[...randomBytes(3)].join('.')}`;

/**
 * The header that makes requests one more client of the local server, which trusts
 * X-Forwarded-For as if behind a proxy. A deployed app's edge overwrites it: there every
 * test shares the runner's address.
 */
const anotherClient = (): Record<string, string> => (DEPLOYED ? {} : { 'x-forwarded-for': randomClientAddress() });

/**
 * A browser context of its own, seen by the server as another client address: contexts
 * made with `browser.newContext()` do not get the test's headers, and would otherwise all
 * share one address and its rate limits.
 */
export function newClientContext(browser: Browser, options: BrowserContextOptions = {}): Promise<BrowserContext> {
  return browser.newContext({ ...options, extraHTTPHeaders: { ...PROTECTION_BYPASS_HEADERS, ...anotherClient() } });
}

export const test = base.extend<{ mailbox: Mailbox; user: TestUser }>({
  // Each test is its own client, so the per-address rate limits of one test never throttle another.
  extraHTTPHeaders: async ({ extraHTTPHeaders }, use) => {
    await use({ ...extraHTTPHeaders, ...anotherClient() });
  },
  mailbox: async ({ request }, use) => {
    await use(mailboxOf(DEPLOYED ? fromMailboxApi(request) : fromSmtpSink));
  },
  // A unique account per test, so tests never share state.
  user: async ({}, use) => {
    const id = randomUUID().slice(0, 8);
    await use({ username: `user_${id}`, email: `user_${id}@example.com`, password: `first password ${id}` });
  },
});

export { expect };
