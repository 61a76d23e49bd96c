'use server';
import { redirect } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { parseFormPost } from '@/i18n/field-errors';
import { requireUser } from '@/lib/auth/dal';
import { createPost } from '@/lib/db/posts';
import { setFlash } from '@/lib/flash/flash';
import type { FormState } from '@/lib/validation/form-state';
import { postSchema } from '@/lib/validation/posts';

export async function publishPost(_previous: FormState, formData: FormData): Promise<FormState> {
  const user = await requireUser('/');
  const parsed = await parseFormPost(postSchema, formData);
  if (!parsed.ok) return parsed.state;
  await createPost(user.id, parsed.data.post);
  await setFlash((await getTranslations('flash'))('posted'));
  redirect('/');
}
