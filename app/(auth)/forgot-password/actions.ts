'use server';
import { redirect } from 'next/navigation';
import { parseFormPost } from '@/i18n/field-errors';
import { requestPasswordReset } from '@/lib/auth/password-reset';
import { clientAddress } from '@/lib/http/client-address';
import { forgotPasswordSchema } from '@/lib/validation/auth';
import type { FormState } from '@/lib/validation/form-state';

export async function requestReset(_previous: FormState, formData: FormData): Promise<FormState> {
  const parsed = await parseFormPost(forgotPasswordSchema, formData);
  if (!parsed.ok) return parsed.state;
  await requestPasswordReset(parsed.data.email, await clientAddress());
  // The same page whether the address has an account, is unknown, or has asked too often.
  redirect('/forgot-password/sent');
}
