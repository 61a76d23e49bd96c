import type { Metadata } from 'next';
import { redirectIfSignedIn } from '@/lib/auth/dal';
import { ForgotPasswordForm } from './forgot-password-form';

export const metadata: Metadata = { title: 'Reset Password' };

export default async function ForgotPasswordPage() {
  await redirectIfSignedIn();
  return (
    <section className="card">
      <h1>Reset Password</h1>
      <p>Enter the email address of your account and we will send you a link to choose a new password.</p>
      <ForgotPasswordForm />
    </section>
  );
}
