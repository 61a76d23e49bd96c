import type { Metadata } from 'next';
import { InvalidResetLink } from '../invalid-reset-link';
import { redirectIfSignedIn } from '@/lib/auth/dal';
import { checkResetLink } from '@/lib/auth/password-reset';
import { ResetPasswordForm } from './reset-password-form';

export const metadata: Metadata = { title: 'Reset Your Password' };

export default async function ResetPasswordPage({ params }: PageProps<'/reset/[token]'>) {
  await redirectIfSignedIn();
  const { token } = await params;
  // Only reads: opening the link (as mail scanners do) must not use it up.
  const check = await checkResetLink(token);
  if (!check.ok) return <InvalidResetLink />;
  return (
    <section className="card">
      <h1>Reset Your Password</h1>
      <ResetPasswordForm token={token} />
    </section>
  );
}
