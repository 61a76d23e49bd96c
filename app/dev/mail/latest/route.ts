import { findLatestEmailTo } from '@/lib/db/outbox';
import { mailboxAccess } from '@/lib/mail';
import { runMaintenanceSoon } from '@/lib/maintenance';

// The answer holds live reset links: no cache may keep it.
const NO_STORE = { 'cache-control': 'no-store' };

/**
 * The newest message queued for ?to=ADDRESS, for tests and scripts that read captured mail:
 * a development mailbox, or a preview's with `Authorization: Bearer $MAILBOX_TOKEN`.
 */
export async function GET(request: Request) {
  const access = mailboxAccess(request.headers.get('authorization'));
  if (access === 'hidden') return new Response('Not Found', { status: 404 });
  if (access === 'refused') return Response.json({ error: 'Unauthorized' }, { status: 401, headers: { 'www-authenticate': 'Bearer', ...NO_STORE } });
  // A reader polling for mail is also the request that gets due mail moving on a serverless host.
  runMaintenanceSoon();
  const to = new URL(request.url).searchParams.get('to');
  if (!to || to.length > 254) return Response.json({ error: 'Give ?to=ADDRESS' }, { status: 400, headers: NO_STORE });
  const email = await findLatestEmailTo(to);
  if (!email) return Response.json({ error: `No message to ${to}` }, { status: 404, headers: NO_STORE });
  return Response.json(email, { headers: NO_STORE });
}
