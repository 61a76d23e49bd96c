import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { connection } from 'next/server';
import { LinkedText } from '@/components/linked-text';
import { getConfig } from '@/lib/config';
import { listRecentEmails } from '@/lib/db/outbox';
import { clearMailbox } from './actions';

export const metadata: Metadata = { title: 'Mailbox' };

const SHOWN = 50;

/** The mail's HTML with its links aimed at the whole tab (a `<base>` before its body, where the parser puts it in the head). */
const withLinksToTheTab = (html: string) => (/<body/i.test(html) ? html.replace(/<body/i, '<base target="_top"><body') : `<base target="_top">${html}`);

export default async function DevMailboxPage() {
  await connection();
  if (!getConfig().devMailbox) notFound();
  const emails = await listRecentEmails(SHOWN);
  return (
    <section>
      <h1>Mailbox</h1>
      <p>
        Every message the app queued, newest first. With no <code>MAIL_SERVER</code> set, mail stops here instead of
        being sent.
      </p>
      <form action={clearMailbox}>
        <button type="submit">Clear mailbox</button>
      </form>
      {emails.length === 0 ? <p>No messages yet.</p> : null}
      <ul className="mail-list">
        {emails.map((email) => (
          <li key={email.id} className="mail">
            <h2>{email.subject}</h2>
            <dl>
              <dt>To</dt>
              <dd>{email.to.join(', ')}</dd>
              <dt>From</dt>
              <dd>{email.sender}</dd>
              <dt>Queued</dt>
              <dd>{email.createdAt.toISOString()}</dd>
              <dt>State</dt>
              <dd>
                {email.status} after {email.attempts} attempt{email.attempts === 1 ? '' : 's'}
              </dd>
              {email.lastError ? (
                <>
                  <dt>Last error</dt>
                  <dd>{email.lastError}</dd>
                </>
              ) : null}
              <dt>Message-ID</dt>
              <dd>{email.messageId}</dd>
            </dl>
            <details open>
              <summary>Text</summary>
              <pre>
                <LinkedText text={email.text} />
              </pre>
            </details>
            {email.html ? (
              <details>
                <summary>HTML</summary>
                {/* No scripts, forms or same-origin access: the mail's HTML cannot act on this app. A click on
                    a link may only take this tab to it: our pages refuse to be framed, so inside the frame they could not open. */}
                <iframe
                  title={`HTML of “${email.subject}”`}
                  sandbox="allow-top-navigation-by-user-activation"
                  srcDoc={withLinksToTheTab(email.html)}
                />
              </details>
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
