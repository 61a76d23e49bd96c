'use server';
import { redirect } from 'next/navigation';
import { resetPassword } from '@/lib/auth/password-reset';
import { setFlash } from '@/lib/flash/flash';
import { resetPasswordSchema } from '@/lib/validation/auth';
import { BUSY, PASSWORD_PROBLEMS } from '@/lib/validation/fields';
import { fieldErrors, formMessage, parseForm, type FormState } from '@/lib/validation/form-state';

export async function setNewPassword(_previous: FormState, formData: FormData): Promise<FormState> {
  const parsed = parseForm(resetPasswordSchema, formData);
  // A refused password leaves the link as it was: only a successful reset uses it up.
  if (!parsed.ok) return parsed.state;
  const token = formData.get('token');
  if (typeof token !== 'string') redirect('/reset/invalid');
  const result = await resetPassword(token, parsed.data.password);
  if (!result.ok && result.reason === 'weak-password') return fieldErrors(formData, { password: [PASSWORD_PROBLEMS[result.problem]] });
  if (!result.ok && result.reason === 'busy') return formMessage(formData, BUSY);
  if (!result.ok) redirect('/reset/invalid');
  await setFlash('Your password has been reset.');
  redirect('/login');
}
