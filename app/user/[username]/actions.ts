'use server';
import { redirect } from 'next/navigation';
import { requireUser } from '@/lib/auth/dal';
import { setFlash } from '@/lib/flash/flash';
import { changeFollow, type FollowAction, type FollowOutcome } from '@/lib/social/follow';
import { profilePath } from '@/lib/social/profile-path';
import { parseForm } from '@/lib/validation/form-state';
import { followSchema } from '@/lib/validation/social';

/** The seed's words for each outcome. */
function describe(outcome: FollowOutcome, username: string, action: FollowAction): string {
  if (outcome.ok) return action === 'follow' ? `You are following ${outcome.username}!` : `You are not following ${outcome.username}.`;
  if (outcome.reason === 'self') return action === 'follow' ? 'You cannot follow yourself!' : 'You cannot unfollow yourself!';
  return `User ${username} not found.`;
}

async function change(formData: FormData, action: FollowAction): Promise<never> {
  const parsed = parseForm(followSchema, formData);
  const username = parsed.ok ? parsed.data.username : '';
  const me = await requireUser(profilePath(username));
  const outcome: FollowOutcome = parsed.ok ? await changeFollow(me, username, action) : { ok: false, reason: 'not-found' };
  await setFlash(describe(outcome, username, action));
  redirect(outcome.ok ? profilePath(outcome.username) : '/');
}

export async function followUser(formData: FormData): Promise<void> {
  await change(formData, 'follow');
}

export async function unfollowUser(formData: FormData): Promise<void> {
  await change(formData, 'unfollow');
}
