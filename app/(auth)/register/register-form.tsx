'use client';
import { Field } from '@/components/field';
import { FormMessage } from '@/components/form-message';
import { NewPasswordFields } from '@/components/new-password-fields';
import { useActionForm } from '@/components/use-action-form';
import { registerSchema } from '@/lib/validation/auth';
import { register } from './actions';

export function RegisterForm() {
  const { state, pending, formProps, field } = useActionForm(registerSchema, register);
  return (
    <form {...formProps} className="form">
      <FormMessage message={state.message} />
      <Field label="Username" autoComplete="username" required {...field('username')} />
      <Field label="Email" type="email" autoComplete="email" required {...field('email')} />
      <NewPasswordFields label="Password" password={field('password')} repeat={field('password2')} />
      <button type="submit" disabled={pending}>
        Register
      </button>
    </form>
  );
}
