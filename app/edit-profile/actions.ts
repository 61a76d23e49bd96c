'use server';
import { redirect } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { parseFormPost } from '@/i18n/field-errors';
import { requireUser } from '@/lib/auth/dal';
import { updateProfile } from '@/lib/db/users';
import { setFlash } from '@/lib/flash/flash';
import { fieldErrors, type FormState } from '@/lib/validation/form-state';
import { editProfileSchema } from '@/lib/validation/posts';

export async function saveProfile(_previous: FormState, formData: FormData): Promise<FormState> {
  const user = await requireUser('/edit-profile');
  const parsed = await parseFormPost(editProfileSchema, formData);
  if (!parsed.ok) return parsed.state;
  const result = await updateProfile(user.id, { username: parsed.data.username, aboutMe: parsed.data.about_me });
  if (!result.ok) return fieldErrors(formData, { username: [(await getTranslations('actionErrors'))('usernameTaken')] });
  await setFlash((await getTranslations('flash'))('profileSaved'));
  redirect('/edit-profile');
}
