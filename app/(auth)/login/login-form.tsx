'use client';
import Link from 'next/link';
import { Field } from '@/components/field';
import { FormMessage } from '@/components/form-message';
import { useText } from '@/components/text-provider';
import { useActionForm } from '@/components/use-action-form';
import { login } from './actions';

export function LoginForm({ next }: { next: string }) {
  const { state, pending, formProps, field } = useActionForm(() => import('@/lib/validation/auth').then((schemas) => schemas.loginSchema), login, {
    // Where the form was shown, return path included: a post without JavaScript comes back there.
    permalink: next === '/' ? '/login' : `/login?next=${encodeURIComponent(next)}`,
  });
  const label = useText('fields');
  const t = useText('forms');
  return (
    <form {...formProps} className="form">
      <FormMessage message={state.message} />
      <input type="hidden" name="next" value={next} />
      <Field label={label('username')} autoComplete="username" required {...field('username')} />
      <Field label={label('password')} type="password" autoComplete="current-password" required {...field('password')} />
      <Field label={label('rememberMe')} type="checkbox" {...field('remember')} />
      <button type="submit" disabled={pending}>
        {t('signIn')}
      </button>
      <p>
        <Link href="/forgot-password">{t('forgotPassword')}</Link>
      </p>
    </form>
  );
}
