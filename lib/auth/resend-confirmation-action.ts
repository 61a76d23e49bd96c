'use server';
import { redirect } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { requireUser } from '@/lib/auth/dal';
import { resendConfirmation } from '@/lib/auth/email-links';
import { setFlash } from '@/lib/flash/flash';
import { clientAddress } from '@/lib/http/client-address';

const OUTCOME_MESSAGES = {
  sent: 'confirmationSent',
  throttled: 'confirmationThrottled',
  'already-confirmed': 'emailConfirmed',
} as const;

/** The banner's "Resend confirmation email" button: a server action, so it works without JavaScript. */
export async function resendConfirmationEmail(): Promise<void> {
  const user = await requireUser('/');
  const outcome = await resendConfirmation(user, await clientAddress());
  await setFlash((await getTranslations('flash'))(OUTCOME_MESSAGES[outcome]));
  redirect('/settings');
}
