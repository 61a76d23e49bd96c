import type { Metadata } from 'next';
import { InvalidResetLink } from '../invalid-reset-link';
import { checkResetLink } from '@/lib/auth/password-reset';
import { ResetPasswordForm } from './reset-password-form';

export const metadata: Metadata = { title: 'Reset Your Password' };

/** Open to a signed-in user too: the link is proof enough, and the reset signs every session out. */
export default async function ResetPasswordPage({ params }: PageProps<'/reset/[token]'>) {
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
