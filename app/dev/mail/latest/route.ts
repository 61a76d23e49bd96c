import { getConfig } from '@/lib/config';
import { findLatestEmailTo } from '@/lib/db/outbox';

/** The newest message queued for ?to=ADDRESS, for tests and scripts that read the dev mailbox. */
export async function GET(request: Request) {
  if (!getConfig().devMailbox) return new Response('Not Found', { status: 404 });
  const to = new URL(request.url).searchParams.get('to');
  if (!to || to.length > 254) return Response.json({ error: 'Give ?to=ADDRESS' }, { status: 400 });
  const email = findLatestEmailTo(to);
  if (!email) return Response.json({ error: `No message to ${to}` }, { status: 404 });
  return Response.json(email);
}
