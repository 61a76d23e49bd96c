'use client';
import { Field } from '@/components/field';
import { FormMessage } from '@/components/form-message';
import { useActionForm } from '@/components/use-action-form';
import { changePasswordSchema } from '@/lib/validation/account';
import { PASSWORD_RULES } from '@/lib/validation/fields';
import { changeOwnPassword } from './actions';

export function ChangePasswordForm({ labelledBy }: { labelledBy: string }) {
  const { state, pending, formProps, field } = useActionForm(changePasswordSchema, changeOwnPassword);
  return (
    <form {...formProps} className="form" aria-labelledby={labelledBy}>
      <FormMessage message={state.message} />
      <Field label="Current Password" type="password" autoComplete="current-password" required {...field('current_password')} />
      <Field label="New Password" type="password" autoComplete="new-password" required hint={PASSWORD_RULES} {...field('password')} />
      <Field label="Repeat Password" type="password" autoComplete="new-password" required {...field('password2')} />
      <button type="submit" disabled={pending}>
        Change Password
      </button>
    </form>
  );
}
