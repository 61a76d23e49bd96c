'use server';
import { redirect } from 'next/navigation';
import { auth } from '@/auth';
import { requireUser } from '@/lib/auth/dal';
import { requestEmailChange } from '@/lib/auth/email-links';
import { openSession } from '@/lib/auth/open-session';
import { changePassword } from '@/lib/auth/password-change';
import { setFlash } from '@/lib/flash/flash';
import { clientAddress } from '@/lib/http/client-address';
import { changeEmailSchema, changePasswordSchema } from '@/lib/validation/account';
import { BUSY, PASSWORD_PROBLEMS } from '@/lib/validation/fields';
import { fieldErrors, formMessage, parseForm, type FormState } from '@/lib/validation/form-state';

const WRONG_PASSWORD = 'Invalid password.';
const THROTTLED = 'Too many attempts. Please wait a few minutes and try again.';

export async function changeEmail(_previous: FormState, formData: FormData): Promise<FormState> {
  const user = await requireUser('/settings');
  const parsed = parseForm(changeEmailSchema, formData);
  if (!parsed.ok) return parsed.state;
  const { new_email: newEmail, email_password: password } = parsed.data;
  const result = await requestEmailChange(user, newEmail, password, await clientAddress());
  if (!result.ok && result.reason === 'wrong-password') return fieldErrors(formData, { email_password: [WRONG_PASSWORD] });
  if (!result.ok && result.reason === 'unchanged') return fieldErrors(formData, { new_email: ['This is already your email address.'] });
  if (!result.ok) return formMessage(formData, THROTTLED);
  await setFlash(`A confirmation link has been sent to ${newEmail}. Your email address changes when you follow it.`);
  redirect('/settings');
}

export async function changeOwnPassword(_previous: FormState, formData: FormData): Promise<FormState> {
  const user = await requireUser('/settings');
  const parsed = parseForm(changePasswordSchema, formData);
  if (!parsed.ok) return parsed.state;
  const { current_password: current, password } = parsed.data;
  const result = await changePassword(user, current, password, await clientAddress());
  if (!result.ok && result.reason === 'wrong-password') return fieldErrors(formData, { current_password: [WRONG_PASSWORD] });
  if (!result.ok && result.reason === 'weak-password') return fieldErrors(formData, { password: [PASSWORD_PROBLEMS[result.problem]] });
  if (!result.ok && result.reason === 'throttled') return formMessage(formData, THROTTLED);
  if (!result.ok && result.reason === 'busy') return formMessage(formData, BUSY);
  if (!result.ok) return formMessage(formData, 'Your password was changed elsewhere in the meantime. Please try again.');
  // The change signed out every session, this one too; open it again as it was opened.
  const remember = (await auth())?.remember ?? false;
  await openSession(result.user.username, password, remember);
  await setFlash('Your password has been changed.');
  redirect('/settings');
}
