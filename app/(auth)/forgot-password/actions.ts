'use server';
import { redirect } from 'next/navigation';
import { requestPasswordReset } from '@/lib/auth/password-reset';
import { setFlash } from '@/lib/flash';
import { forgotPasswordSchema } from '@/lib/validation/auth';
import { parseForm, type FormState } from '@/lib/validation/form-state';

export async function requestReset(_previous: FormState, formData: FormData): Promise<FormState> {
  const parsed = parseForm(forgotPasswordSchema, formData);
  if (!parsed.ok) return parsed.state;
  await requestPasswordReset(parsed.data.email);
  // The same words whether or not the address has an account.
  await setFlash('Check your email for the instructions to reset your password');
  redirect('/login');
}
