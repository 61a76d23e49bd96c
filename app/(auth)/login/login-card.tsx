import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { FormText } from '@/i18n/client-text';
import { LoginForm } from './login-form';

/** The sign-in page's content, for its dynamic and its prerendered version alike. */
export async function LoginCard({ next }: { next: string }) {
  const t = await getTranslations('login');
  return (
    <section className="card">
      <h1>{t('title')}</h1>
      <FormText>
        <LoginForm next={next} />
      </FormText>
      <p>{t.rich('newUser', { register: (chunks) => <Link href="/register">{chunks}</Link> })}</p>
    </section>
  );
}
