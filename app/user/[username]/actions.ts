'use server';
import { redirect } from 'next/navigation';
import { requireUser } from '@/lib/auth/dal';
import { setFlash } from '@/lib/flash';
import { changeFollow } from '@/lib/social';

async function change(formData: FormData, action: 'follow' | 'unfollow'): Promise<never> {
  const username = String(formData.get('username') ?? '').slice(0, 64);
  const me = await requireUser(`/user/${encodeURIComponent(username)}`);
  const outcome = changeFollow(me, username, action);
  await setFlash(outcome.message);
  redirect(outcome.ok ? `/user/${encodeURIComponent(username)}` : '/');
}

export async function followUser(formData: FormData): Promise<void> {
  await change(formData, 'follow');
}

export async function unfollowUser(formData: FormData): Promise<void> {
  await change(formData, 'unfollow');
}
