import type { NextRequest } from 'next/server';
import { handlers } from '@/auth';
import { verifySession } from '@/lib/auth/dal';

const SESSION_PATH = '/api/auth/session';

/**
 * Auth.js's own session endpoint re-issues the cookie for 30 days on every GET, even for a
 * session meant to end with the browser, and shows the whole token. This one only reads:
 * the signed-in user's name, or null.
 */
export async function GET(request: NextRequest) {
  if (request.nextUrl.pathname !== SESSION_PATH) return handlers.GET(request);
  const user = await verifySession();
  return Response.json(user ? { user: { name: user.username } } : null, { headers: { 'Cache-Control': 'no-store' } });
}

/** Session updates from the browser are not ours to take: the server alone says what a session holds. */
export async function POST(request: NextRequest) {
  if (request.nextUrl.pathname === SESSION_PATH) return new Response('Method not allowed.', { status: 405, headers: { Allow: 'GET' } });
  return handlers.POST(request);
}
