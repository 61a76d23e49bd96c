'use server';
import { AuthError } from 'next-auth';
import { redirect } from 'next/navigation';
import { signIn, SignInThrottled } from '@/auth';
import { endSessionWithBrowser } from '@/lib/auth/session-cookie';
import { safeRedirectPath } from '@/lib/http/safe-redirect';
import { loginSchema } from '@/lib/validation/auth';
import { formMessage, parseForm, type FormState } from '@/lib/validation/form-state';

export async function login(_previous: FormState, formData: FormData): Promise<FormState> {
  const parsed = parseForm(loginSchema, formData);
  if (!parsed.ok) return parsed.state;
  const { username, password, remember } = parsed.data;
  try {
    await signIn('credentials', { username, password, redirect: false });
  } catch (error) {
    if (error instanceof SignInThrottled) return formMessage(formData, 'Too many sign-in attempts. Please wait a minute and try again.');
    // One message for every wrong name or password, so the form does not tell which usernames exist.
    if (error instanceof AuthError) return formMessage(formData, 'Invalid username or password');
    throw error;
  }
  if (!remember) await endSessionWithBrowser();
  redirect(safeRedirectPath(formData.get('next')));
}
