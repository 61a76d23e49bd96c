'use server';
import { redirect } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { parseFormPost } from '@/i18n/field-errors';
import { openSession } from '@/lib/auth/open-session';
import { safeRedirectPath } from '@/lib/http/safe-redirect';
import { loginSchema } from '@/lib/validation/auth';
import { formMessage, type FormState } from '@/lib/validation/form-state';

export async function login(_previous: FormState, formData: FormData): Promise<FormState> {
  const parsed = await parseFormPost(loginSchema, formData);
  if (!parsed.ok) return parsed.state;
  const { username, password, remember } = parsed.data;
  const opened = await openSession(username, password, remember);
  const t = await getTranslations('actionErrors');
  if (opened === 'throttled') return formMessage(formData, t('loginThrottled'));
  // One message for every wrong name or password, so the form does not tell which usernames exist.
  if (opened === 'invalid') return formMessage(formData, t('invalidLogin'));
  redirect(safeRedirectPath(formData.get('next')));
}
