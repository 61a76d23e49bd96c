'use server';
import { redirect } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import { parseFormPost } from '@/i18n/field-errors';
import { registerUser } from '@/lib/auth/registration';
import { setFlash } from '@/lib/flash/flash';
import { clientAddress } from '@/lib/http/client-address';
import { registerSchema } from '@/lib/validation/auth';
import { PASSWORD_PROBLEMS } from '@/lib/validation/fields';
import { fieldErrors, formMessage, type FormState } from '@/lib/validation/form-state';

export async function register(_previous: FormState, formData: FormData): Promise<FormState> {
  const parsed = await parseFormPost(registerSchema, formData);
  if (!parsed.ok) return parsed.state;
  // The account's mail will speak the language of the page it signed up on.
  const result = await registerUser({ ...parsed.data, locale: await getLocale() }, await clientAddress());
  const t = await getTranslations('actionErrors');
  if (!result.ok && result.reason === 'weak-password') return fieldErrors(formData, { password: [t(PASSWORD_PROBLEMS[result.problem])] });
  if (!result.ok && result.reason === 'username-taken') return fieldErrors(formData, { username: [t('usernameTaken')] });
  if (!result.ok && result.reason === 'throttled') return formMessage(formData, t('signupThrottled'));
  if (!result.ok) return formMessage(formData, t('busy'));
  // The same words whether the account was made or its address already had one (the owner is mailed).
  await setFlash((await getTranslations('flash'))('registered'));
  redirect('/login');
}
