'use server';
import { redirect } from 'next/navigation';
import { requestPasswordReset } from '@/lib/auth/password-reset';
import { clientAddress } from '@/lib/http/client-address';
import { forgotPasswordSchema } from '@/lib/validation/auth';
import { parseForm, type FormState } from '@/lib/validation/form-state';

export async function requestReset(_previous: FormState, formData: FormData): Promise<FormState> {
  const parsed = parseForm(forgotPasswordSchema, formData);
  if (!parsed.ok) return parsed.state;
  await requestPasswordReset(parsed.data.email, await clientAddress());
  // The same page whether the address has an account, is unknown, or has asked too often.
  redirect('/forgot-password/sent');
}
