'use server';
import { signOut } from '@/auth';

/** The nav's Logout button: a server action, so it works without JavaScript and cannot be a cross-site GET. */
export async function logout(): Promise<void> {
  await signOut({ redirectTo: '/login' });
}
