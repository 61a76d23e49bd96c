import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { FormText } from '@/i18n/client-text';
import { titleOf } from '@/i18n/metadata';
import { redirectIfSignedIn } from '@/lib/auth/dal';
import { safeRedirectPath } from '@/lib/http/safe-redirect';
import { LoginForm } from './login-form';

export const generateMetadata = titleOf('login');

export default async function LoginPage({ searchParams }: PageProps<'/login'>) {
  await redirectIfSignedIn();
  const { next } = await searchParams;
  const t = await getTranslations('login');
  return (
    <section className="card">
      <h1>{t('title')}</h1>
      <FormText>
        <LoginForm next={safeRedirectPath(next)} />
      </FormText>
      <p>{t.rich('newUser', { register: (chunks) => <Link href="/register">{chunks}</Link> })}</p>
    </section>
  );
}
