'use server';
import { redirect } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { auth } from '@/auth';
import { parseFormPost } from '@/i18n/field-errors';
import { requireSession, requireUser } from '@/lib/auth/dal';
import { requestEmailChange } from '@/lib/auth/email-links';
import { openSession } from '@/lib/auth/open-session';
import { changePassword } from '@/lib/auth/password-change';
import { endOtherSessions } from '@/lib/auth/sessions';
import { setFlash } from '@/lib/flash/flash';
import { clientAddress } from '@/lib/http/client-address';
import { changeEmailSchema, changePasswordSchema } from '@/lib/validation/account';
import { PASSWORD_PROBLEMS } from '@/lib/validation/fields';
import { fieldErrors, formMessage, type FormState } from '@/lib/validation/form-state';

export async function changeEmail(_previous: FormState, formData: FormData): Promise<FormState> {
  const user = await requireUser('/settings');
  const parsed = await parseFormPost(changeEmailSchema, formData);
  if (!parsed.ok) return parsed.state;
  const { new_email: newEmail, email_password: password } = parsed.data;
  const result = await requestEmailChange(user, newEmail, password, await clientAddress());
  const t = await getTranslations('actionErrors');
  if (!result.ok && result.reason === 'wrong-password') return fieldErrors(formData, { email_password: [t('wrongPassword')] });
  if (!result.ok && result.reason === 'unchanged') return fieldErrors(formData, { new_email: [t('sameEmail')] });
  if (!result.ok) return formMessage(formData, t('tooManyAttempts'));
  await setFlash((await getTranslations('flash'))('emailChangeSent', { email: newEmail }));
  redirect('/settings');
}

export async function changeOwnPassword(_previous: FormState, formData: FormData): Promise<FormState> {
  const user = await requireUser('/settings');
  const parsed = await parseFormPost(changePasswordSchema, formData);
  if (!parsed.ok) return parsed.state;
  const { current_password: current, password } = parsed.data;
  const result = await changePassword(user, current, password, await clientAddress());
  const t = await getTranslations('actionErrors');
  if (!result.ok && result.reason === 'wrong-password') return fieldErrors(formData, { current_password: [t('wrongPassword')] });
  if (!result.ok && result.reason === 'weak-password') return fieldErrors(formData, { password: [t(PASSWORD_PROBLEMS[result.problem])] });
  if (!result.ok && result.reason === 'throttled') return formMessage(formData, t('tooManyAttempts'));
  if (!result.ok && result.reason === 'busy') return formMessage(formData, t('busy'));
  if (!result.ok) return formMessage(formData, t('passwordChangedElsewhere'));
  // The change signed out every session, this one too; open it again as it was opened.
  const remember = (await auth())?.remember ?? false;
  await openSession(result.user.username, password, remember);
  await setFlash((await getTranslations('flash'))('passwordChanged'));
  redirect('/settings');
}

/** "Sign out other devices": a plain form, so it works without JavaScript. */
export async function signOutOtherDevices(): Promise<void> {
  const { user, session } = await requireSession('/settings');
  await endOtherSessions(user.id, session.id);
  await setFlash((await getTranslations('flash'))('otherDevicesSignedOut'));
  redirect('/settings');
}
