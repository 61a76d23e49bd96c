import { redirect } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { followEmailLink } from '@/lib/auth/email-links';
import { setFlash } from '@/lib/flash/flash';

/**
 * An email link does its work here and then redirects, so the page shown after it is
 * rendered with the address already confirmed (no stale "not confirmed" banner).
 */
export async function GET(_request: Request, { params }: RouteContext<'/confirm/[token]'>) {
  const outcome = await followEmailLink((await params).token);
  if (!outcome.ok && outcome.reason === 'invalid') redirect('/confirm/invalid');
  const t = await getTranslations('flash');
  if (!outcome.ok) {
    await setFlash(t('emailTaken'));
    redirect('/settings');
  }
  await setFlash(t('emailConfirmed'));
  redirect('/');
}
