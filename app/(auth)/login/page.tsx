import type { Metadata } from 'next';
import Link from 'next/link';
import { redirectIfSignedIn } from '@/lib/auth/dal';
import { safeRedirectPath } from '@/lib/http/safe-redirect';
import { LoginForm } from './login-form';

export const metadata: Metadata = { title: 'Sign In' };

export default async function LoginPage({ searchParams }: PageProps<'/login'>) {
  await redirectIfSignedIn();
  const { next } = await searchParams;
  return (
    <section className="card">
      <h1>Sign In</h1>
      <LoginForm next={safeRedirectPath(next)} />
      <p>
        New User? <Link href="/register">Click to Register!</Link>
      </p>
    </section>
  );
}
