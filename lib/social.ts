import 'server-only';
import { follow, unfollow } from '@/lib/db/followers';
import { findUserByUsername } from '@/lib/db/users';
import type { User } from '@/lib/db/schema';

export type FollowOutcome = { ok: boolean; message: string };

/** Follows or unfollows by username, with the seed's words for each outcome. */
export function changeFollow(me: User, username: string, action: 'follow' | 'unfollow'): FollowOutcome {
  const other = findUserByUsername(username);
  if (!other) return { ok: false, message: `User ${username} not found.` };
  if (other.id === me.id) return { ok: false, message: action === 'follow' ? 'You cannot follow yourself!' : 'You cannot unfollow yourself!' };
  if (action === 'follow') {
    follow(me.id, other.id);
    return { ok: true, message: `You are following ${other.username}!` };
  }
  unfollow(me.id, other.id);
  return { ok: true, message: `You are not following ${other.username}.` };
}
