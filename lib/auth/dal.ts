import 'server-only';
import { cache } from 'react';
import { cookies } from 'next/headers';
import { redirect } from 'next/navigation';
import { auth } from '@/auth';
import { includesSessionCookie } from '@/auth.config';
import { findUserById, recordLastSeen } from '@/lib/db/users';
import type { User } from '@/lib/db/schema';
import { passwordFingerprint } from '@/lib/tokens';

/**
 * The signed-in user, or null. A session opened before the password last changed
 * is refused, so a reset signs a thief out everywhere.
 */
export const verifySession = cache(async (): Promise<User | null> => {
  // Most visitors carry no session at all: Auth.js would still build its whole request for them.
  if (!includesSessionCookie((await cookies()).getAll().map((cookie) => cookie.name))) return null;
  const session = await auth();
  const id = Number(session?.user?.id);
  if (!Number.isSafeInteger(id) || id <= 0) return null;
  const user = await findUserById(id);
  if (!user || session?.passwordFingerprint !== passwordFingerprint(user.passwordHash)) return null;
  await noteLastSeen(user);
  return user;
});

const LAST_SEEN_RESOLUTION_MS = 60_000;

/** At most one write a minute per user: "last seen" needs no finer grain than that. */
async function noteLastSeen(user: User): Promise<void> {
  const now = new Date();
  if (user.lastSeen && now.getTime() - user.lastSeen.getTime() < LAST_SEEN_RESOLUTION_MS) return;
  await recordLastSeen(user.id, now);
  user.lastSeen = now;
}

/** The signed-in user; anyone else is sent to sign in and brought back to `returnTo` after. */
export async function requireUser(returnTo: string): Promise<User> {
  const user = await verifySession();
  if (!user) redirect(`/login?next=${encodeURIComponent(returnTo)}`);
  return user;
}

/** For the sign-in, sign-up and reset pages: someone already signed in has nothing to do there. */
export async function redirectIfSignedIn(): Promise<void> {
  if (await verifySession()) redirect('/');
}
