'use client';
import { Field } from '@/components/field';
import { FormMessage } from '@/components/form-message';
import { useActionForm } from '@/components/use-action-form';
import { forgotPasswordSchema } from '@/lib/validation/auth';
import { requestReset } from './actions';

export function ForgotPasswordForm() {
  const { state, pending, formProps, field } = useActionForm(forgotPasswordSchema, requestReset);
  return (
    <form {...formProps} className="form">
      <FormMessage message={state.message} />
      <Field label="Email" type="email" autoComplete="email" required {...field('email')} />
      <button type="submit" disabled={pending}>
        Request Password Reset
      </button>
    </form>
  );
}
