'use server';
import { redirect } from 'next/navigation';
import { registerUser } from '@/lib/auth/registration';
import { setFlash } from '@/lib/flash/flash';
import { clientAddress } from '@/lib/http/client-address';
import { registerSchema } from '@/lib/validation/auth';
import { BUSY, PASSWORD_PROBLEMS } from '@/lib/validation/fields';
import { fieldErrors, formMessage, parseForm, type FormState } from '@/lib/validation/form-state';

export async function register(_previous: FormState, formData: FormData): Promise<FormState> {
  const parsed = parseForm(registerSchema, formData);
  if (!parsed.ok) return parsed.state;
  const result = await registerUser(parsed.data, await clientAddress());
  if (!result.ok && result.reason === 'weak-password') return fieldErrors(formData, { password: [PASSWORD_PROBLEMS[result.problem]] });
  if (!result.ok && result.reason === 'username-taken') return fieldErrors(formData, { username: ['Please use a different username.'] });
  if (!result.ok && result.reason === 'throttled') return formMessage(formData, 'Too many sign-ups from your network. Please try again later.');
  if (!result.ok) return formMessage(formData, BUSY);
  // The same words whether the account was made or its address already had one (the owner is mailed).
  await setFlash('Congratulations, you are now a registered user!');
  redirect('/login');
}
