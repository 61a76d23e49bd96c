'use server';
import { AuthError } from 'next-auth';
import { redirect } from 'next/navigation';
import { signIn, SignInThrottled } from '@/auth';
import { endSessionWithBrowser } from '@/lib/auth/session-cookie';
import { localPath } from '@/lib/safe-redirect';
import { loginSchema } from '@/lib/validation/auth';
import { formError, parseForm, type FormState } from '@/lib/validation/form-state';

export async function login(_previous: FormState, formData: FormData): Promise<FormState> {
  const parsed = parseForm(loginSchema, formData);
  if (!parsed.ok) return parsed.state;
  const { username, password, remember } = parsed.data;
  try {
    await signIn('credentials', { username, password, redirect: false });
  } catch (error) {
    if (error instanceof SignInThrottled) return formError(formData, undefined, 'Too many sign-in attempts. Please wait a minute and try again.');
    // One message for every wrong name or password, so the form does not tell which usernames exist.
    if (error instanceof AuthError) return formError(formData, undefined, 'Invalid username or password');
    throw error;
  }
  if (!remember) await endSessionWithBrowser();
  redirect(localPath(formData.get('next')));
}
