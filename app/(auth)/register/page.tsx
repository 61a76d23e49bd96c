import type { Metadata } from 'next';
import { redirectIfSignedIn } from '@/lib/auth/dal';
import { RegisterForm } from './register-form';

export const metadata: Metadata = { title: 'Register' };

export default async function RegisterPage() {
  await redirectIfSignedIn();
  return (
    <section className="card">
      <h1>Register</h1>
      <RegisterForm />
    </section>
  );
}
