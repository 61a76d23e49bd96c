'use server';
import { redirect } from 'next/navigation';
import { requireUser } from '@/lib/auth/dal';
import { updateProfile } from '@/lib/db/users';
import { setFlash } from '@/lib/flash/flash';
import { fieldErrors, parseForm, type FormState } from '@/lib/validation/form-state';
import { editProfileSchema } from '@/lib/validation/posts';

export async function saveProfile(_previous: FormState, formData: FormData): Promise<FormState> {
  const user = await requireUser('/edit-profile');
  const parsed = parseForm(editProfileSchema, formData);
  if (!parsed.ok) return parsed.state;
  const result = await updateProfile(user.id, { username: parsed.data.username, aboutMe: parsed.data.about_me });
  if (!result.ok) return fieldErrors(formData, { username: ['Please use a different username.'] });
  await setFlash('Your changes have been saved.');
  redirect('/edit-profile');
}
