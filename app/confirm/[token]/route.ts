import { redirect } from 'next/navigation';
import { followEmailLink } from '@/lib/auth/email-links';
import { setFlash } from '@/lib/flash/flash';

/**
 * An email link does its work here and then redirects, so the page shown after it is
 * rendered with the address already confirmed (no stale "not confirmed" banner).
 */
export async function GET(_request: Request, { params }: RouteContext<'/confirm/[token]'>) {
  const outcome = await followEmailLink((await params).token);
  if (!outcome.ok && outcome.reason === 'invalid') redirect('/confirm/invalid');
  if (!outcome.ok) {
    await setFlash('That address now belongs to another account, so your email address was not changed.');
    redirect('/settings');
  }
  await setFlash('Your email address is confirmed.');
  redirect('/');
}
