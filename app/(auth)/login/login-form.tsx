'use client';
import Link from 'next/link';
import { Field } from '@/components/field';
import { FormMessage } from '@/components/form-message';
import { useActionForm } from '@/components/use-action-form';
import { loginSchema } from '@/lib/validation/auth';
import { login } from './actions';

export function LoginForm({ next }: { next: string }) {
  const { state, pending, formProps, field } = useActionForm(loginSchema, login);
  return (
    <form {...formProps} className="form">
      <FormMessage message={state.message} />
      <input type="hidden" name="next" value={next} />
      <Field label="Username" autoComplete="username" required {...field('username')} />
      <Field label="Password" type="password" autoComplete="current-password" required {...field('password')} />
      <Field label="Remember Me" type="checkbox" {...field('remember')} />
      <button type="submit" disabled={pending}>
        Sign In
      </button>
      <p>
        <Link href="/forgot-password">Forgot your password?</Link>
      </p>
    </form>
  );
}
