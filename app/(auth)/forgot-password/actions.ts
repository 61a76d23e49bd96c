'use server';
import { redirect } from 'next/navigation';
import { requestFieldErrorWords } from '@/i18n/field-errors';
import { requestPasswordReset } from '@/lib/auth/password-reset';
import { clientAddress } from '@/lib/http/client-address';
import { forgotPasswordSchema } from '@/lib/validation/auth';
import { parseForm, type FormState } from '@/lib/validation/form-state';

export async function requestReset(_previous: FormState, formData: FormData): Promise<FormState> {
  const parsed = parseForm(forgotPasswordSchema, formData, await requestFieldErrorWords());
  if (!parsed.ok) return parsed.state;
  await requestPasswordReset(parsed.data.email, await clientAddress());
  // The same page whether the address has an account, is unknown, or has asked too often.
  redirect('/forgot-password/sent');
}
