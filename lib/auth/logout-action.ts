'use server';
import { auth, signOut } from '@/auth';
import { endSession } from '@/lib/auth/sessions';

/** The nav's Logout button: a server action, so it works without JavaScript and cannot be a cross-site GET. */
export async function logout(): Promise<void> {
  // Ended here rather than only in Auth.js's signOut event, which swallows errors: if the
  // row cannot be deleted the person stays signed in and sees it, rather than believing
  // that a copy of the cookie died with theirs.
  const sessionId = (await auth())?.sessionId;
  if (sessionId) await endSession(sessionId);
  await signOut({ redirectTo: '/login' });
}
