import 'server-only';
import { follow, unfollow } from '@/lib/db/followers';
import { findUserByUsername } from '@/lib/db/users';
import type { User } from '@/lib/db/schema';

export type FollowAction = 'follow' | 'unfollow';
export type FollowOutcome = { ok: true; username: string } | { ok: false; reason: 'not-found' | 'self' };

/** Follows or unfollows by username; the caller words the outcome. */
export async function changeFollow(me: User, username: string, action: FollowAction): Promise<FollowOutcome> {
  const other = await findUserByUsername(username);
  if (!other) return { ok: false, reason: 'not-found' };
  if (other.id === me.id) return { ok: false, reason: 'self' };
  if (action === 'follow') await follow(me.id, other.id);
  else await unfollow(me.id, other.id);
  return { ok: true, username: other.username };
}
