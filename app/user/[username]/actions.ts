'use server';
import { redirect } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { parseFormPost } from '@/i18n/field-errors';
import { requireUser } from '@/lib/auth/dal';
import { setFlash } from '@/lib/flash/flash';
import { changeFollow, type FollowAction, type FollowOutcome } from '@/lib/social/follow';
import { profilePath } from '@/lib/social/profile-path';
import { followSchema } from '@/lib/validation/social';

/** The seed's words for each outcome. */
async function describe(outcome: FollowOutcome, username: string, action: FollowAction): Promise<string> {
  const t = await getTranslations('flash');
  if (outcome.ok) return action === 'follow' ? t('following', { username: outcome.username }) : t('notFollowing', { username: outcome.username });
  if (outcome.reason === 'self') return action === 'follow' ? t('cannotFollowSelf') : t('cannotUnfollowSelf');
  return t('userNotFound', { username });
}

async function change(formData: FormData, action: FollowAction): Promise<never> {
  const parsed = await parseFormPost(followSchema, formData);
  const username = parsed.ok ? parsed.data.username : '';
  const me = await requireUser(profilePath(username));
  const outcome: FollowOutcome = parsed.ok ? await changeFollow(me, username, action) : { ok: false, reason: 'not-found' };
  await setFlash(await describe(outcome, username, action));
  redirect(outcome.ok ? profilePath(outcome.username) : '/');
}

export async function followUser(formData: FormData): Promise<void> {
  await change(formData, 'follow');
}

export async function unfollowUser(formData: FormData): Promise<void> {
  await change(formData, 'unfollow');
}
