'use client';
import { Field } from '@/components/field';
import { FormMessage } from '@/components/form-message';
import { useActionForm } from '@/components/use-action-form';
import { registerSchema } from '@/lib/validation/auth';
import { PASSWORD_RULES } from '@/lib/validation/fields';
import { register } from './actions';

export function RegisterForm() {
  const { state, pending, formProps, field } = useActionForm(registerSchema, register);
  return (
    <form {...formProps} className="form">
      <FormMessage message={state.message} />
      <Field label="Username" autoComplete="username" required {...field('username')} />
      <Field label="Email" type="email" autoComplete="email" required {...field('email')} />
      <Field label="Password" type="password" autoComplete="new-password" required hint={PASSWORD_RULES} {...field('password')} />
      <Field label="Repeat Password" type="password" autoComplete="new-password" required {...field('password2')} />
      <button type="submit" disabled={pending}>
        Register
      </button>
    </form>
  );
}
