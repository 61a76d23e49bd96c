'use server';
import { redirect } from 'next/navigation';
import { requireUser } from '@/lib/auth/dal';
import { resendConfirmation } from '@/lib/auth/email-links';
import { setFlash } from '@/lib/flash/flash';
import { clientAddress } from '@/lib/http/client-address';

const OUTCOME_MESSAGES = {
  sent: 'A new confirmation link is on its way. Please check your email.',
  throttled: 'Too many confirmation emails were asked for. Please wait a few minutes and try again.',
  'already-confirmed': 'Your email address is confirmed.',
} as const;

/** The banner's "Resend confirmation email" button: a server action, so it works without JavaScript. */
export async function resendConfirmationEmail(): Promise<void> {
  const user = await requireUser('/');
  await setFlash(OUTCOME_MESSAGES[await resendConfirmation(user, await clientAddress())]);
  redirect('/settings');
}
