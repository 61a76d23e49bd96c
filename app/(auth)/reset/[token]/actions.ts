'use server';
import { redirect } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { parseFormPost } from '@/i18n/field-errors';
import { resetPassword } from '@/lib/auth/password-reset';
import { setFlash } from '@/lib/flash/flash';
import { resetPasswordSchema } from '@/lib/validation/auth';
import { PASSWORD_PROBLEMS } from '@/lib/validation/fields';
import { fieldErrors, formMessage, type FormState } from '@/lib/validation/form-state';

export async function setNewPassword(_previous: FormState, formData: FormData): Promise<FormState> {
  const parsed = await parseFormPost(resetPasswordSchema, formData);
  // A refused password leaves the link as it was: only a successful reset uses it up.
  if (!parsed.ok) return parsed.state;
  const token = formData.get('token');
  if (typeof token !== 'string') redirect('/reset/invalid');
  const result = await resetPassword(token, parsed.data.password);
  const t = await getTranslations('actionErrors');
  if (!result.ok && result.reason === 'weak-password') return fieldErrors(formData, { password: [t(PASSWORD_PROBLEMS[result.problem])] });
  if (!result.ok && result.reason === 'busy') return formMessage(formData, t('busy'));
  if (!result.ok) redirect('/reset/invalid');
  await setFlash((await getTranslations('flash'))('passwordReset'));
  redirect('/login');
}
