import { getTranslations } from 'next-intl/server';
import { FormText } from '@/i18n/client-text';
import { titleOf } from '@/i18n/metadata';
import { redirectIfSignedIn } from '@/lib/auth/dal';
import { RegisterForm } from './register-form';

export const generateMetadata = titleOf('register');

export default async function RegisterPage() {
  await redirectIfSignedIn();
  const t = await getTranslations('register');
  return (
    <section className="card">
      <h1>{t('title')}</h1>
      <FormText>
        <RegisterForm />
      </FormText>
    </section>
  );
}
