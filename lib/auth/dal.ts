import 'server-only';
import { cache } from 'react';
import { cookies } from 'next/headers';
import { redirect } from 'next/navigation';
import { auth } from '@/auth';
import { includesSessionCookie } from '@/auth.config';
import { resumeSession, type LiveSession } from '@/lib/auth/sessions';
import { recordLastSeen } from '@/lib/db/users';
import type { User } from '@/lib/db/schema';
import { passwordFingerprint } from '@/lib/tokens';

/**
 * The signed-in session and its user, or null. The cookie must name a session row that is
 * still live (logout, "sign out other devices" and a new password delete rows), so a copy
 * of a cookie stops working with the session it was copied from. A request without a
 * session cookie costs no query, nor any Auth.js work.
 *
 * The password fingerprint is checked as well: a sign-in whose password check was under
 * way while the password changed records its row after the change deleted the others,
 * and must not outlive the password it was opened with either.
 */
export const currentSession = cache(async (): Promise<LiveSession | null> => {
  // Most visitors carry no session at all: Auth.js would still build its whole request for them.
  if (!includesSessionCookie((await cookies()).getAll().map((cookie) => cookie.name))) return null;
  const session = await auth();
  const userId = Number(session?.user?.id);
  if (!session?.sessionId || !Number.isSafeInteger(userId) || userId <= 0) return null;
  const live = await resumeSession(session.sessionId, userId);
  if (!live || session.passwordFingerprint !== passwordFingerprint(live.user.passwordHash)) return null;
  await noteLastSeen(live.user);
  return live;
});

/** The signed-in user, or null: see currentSession. */
export const verifySession = cache(async (): Promise<User | null> => (await currentSession())?.user ?? null);

const USER_LAST_SEEN_RESOLUTION_MS = 60_000;

/** At most one write a minute per user: "last seen" needs no finer grain than that. */
async function noteLastSeen(user: User): Promise<void> {
  const now = new Date();
  if (user.lastSeen && now.getTime() - user.lastSeen.getTime() < USER_LAST_SEEN_RESOLUTION_MS) return;
  await recordLastSeen(user.id, now);
  user.lastSeen = now;
}

/** The signed-in user; anyone else is sent to sign in and brought back to `returnTo` after. */
export async function requireUser(returnTo: string): Promise<User> {
  const user = await verifySession();
  if (!user) redirect(`/login?next=${encodeURIComponent(returnTo)}`);
  return user;
}

/** The signed-in session and its user; anyone else is sent to sign in, as requireUser does. */
export async function requireSession(returnTo: string): Promise<LiveSession> {
  const live = await currentSession();
  if (!live) redirect(`/login?next=${encodeURIComponent(returnTo)}`);
  return live;
}

/** For the sign-in, sign-up and reset pages: someone already signed in has nothing to do there. */
export async function redirectIfSignedIn(): Promise<void> {
  if (await verifySession()) redirect('/');
}
