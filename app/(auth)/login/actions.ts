'use server';
import { AuthError } from 'next-auth';
import { redirect } from 'next/navigation';
import { signIn } from '@/auth';
import { endSessionWithBrowser } from '@/lib/auth/session-cookie';
import { maySignIn, noteSignedIn } from '@/lib/auth/throttling';
import { requestIp } from '@/lib/request-ip';
import { localPath } from '@/lib/safe-redirect';
import { loginSchema } from '@/lib/validation/auth';
import { formError, parseForm, type FormState } from '@/lib/validation/form-state';

export async function login(_previous: FormState, formData: FormData): Promise<FormState> {
  const parsed = parseForm(loginSchema, formData);
  if (!parsed.ok) return parsed.state;
  const { username, password, remember } = parsed.data;
  const ip = await requestIp();
  if (!maySignIn(username, ip)) return formError(formData, undefined, 'Too many sign-in attempts. Please wait a minute and try again.');
  try {
    await signIn('credentials', { username, password, redirect: false });
  } catch (error) {
    // One message for every failure, so the form does not tell which usernames exist.
    if (error instanceof AuthError) return formError(formData, undefined, 'Invalid username or password');
    throw error;
  }
  noteSignedIn(username, ip);
  if (!remember) await endSessionWithBrowser();
  redirect(localPath(formData.get('next')));
}
