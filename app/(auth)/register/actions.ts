'use server';
import { redirect } from 'next/navigation';
import { registerUser } from '@/lib/auth/accounts';
import { setFlash } from '@/lib/flash/flash';
import { registerSchema } from '@/lib/validation/auth';
import { PASSWORD_PROBLEMS } from '@/lib/validation/fields';
import { fieldErrors, parseForm, type FormState } from '@/lib/validation/form-state';

const TAKEN = { username: 'Please use a different username.', email: 'Please use a different email address.' } as const;

export async function register(_previous: FormState, formData: FormData): Promise<FormState> {
  const parsed = parseForm(registerSchema, formData);
  if (!parsed.ok) return parsed.state;
  const result = await registerUser(parsed.data);
  if (!result.ok && result.reason === 'weak-password') return fieldErrors(formData, { password: [PASSWORD_PROBLEMS[result.problem]] });
  if (!result.ok) return fieldErrors(formData, { [result.field]: [TAKEN[result.field]] });
  await setFlash('Congratulations, you are now a registered user!');
  redirect('/login');
}
