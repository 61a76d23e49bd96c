'use client';
import { Field } from '@/components/field';
import { FormMessage } from '@/components/form-message';
import { NewPasswordFields } from '@/components/new-password-fields';
import { useText } from '@/components/text-provider';
import { useActionForm } from '@/components/use-action-form';
import { register } from './actions';

export function RegisterForm() {
  const { state, pending, formProps, field } = useActionForm(() => import('@/lib/validation/auth').then((schemas) => schemas.registerSchema), register);
  const label = useText('fields');
  const t = useText('forms');
  return (
    <form {...formProps} className="form">
      <FormMessage message={state.message} />
      <Field label={label('username')} autoComplete="username" required {...field('username')} />
      <Field label={label('email')} type="email" autoComplete="email" required {...field('email')} />
      <NewPasswordFields label={label('password')} password={field('password')} repeat={field('password2')} />
      <button type="submit" disabled={pending}>
        {t('register')}
      </button>
    </form>
  );
}
