'use client';
import { Field } from '@/components/field';
import { FormMessage } from '@/components/form-message';
import { useActionForm } from '@/components/use-action-form';
import { resetPasswordSchema } from '@/lib/validation/auth';
import { PASSWORD_RULES } from '@/lib/validation/fields';
import { setNewPassword } from './actions';

export function ResetPasswordForm({ token }: { token: string }) {
  const { state, pending, formProps, field } = useActionForm(resetPasswordSchema, setNewPassword);
  return (
    <form {...formProps} className="form">
      <FormMessage message={state.message} />
      {/* A hidden field rather than a bound argument: a bound action posted without JavaScript stalls in Next 16.4. */}
      <input type="hidden" name="token" value={token} />
      <Field label="Password" type="password" autoComplete="new-password" required hint={PASSWORD_RULES} {...field('password')} />
      <Field label="Repeat Password" type="password" autoComplete="new-password" required {...field('password2')} />
      <button type="submit" disabled={pending}>
        Reset Password
      </button>
    </form>
  );
}
