'use client';
import { Field } from '@/components/field';
import { FormMessage } from '@/components/form-message';
import { useActionForm } from '@/components/use-action-form';
import { changeEmailSchema } from '@/lib/validation/account';
import { changeEmail } from './actions';

export function ChangeEmailForm({ labelledBy }: { labelledBy: string }) {
  const { state, pending, formProps, field } = useActionForm(changeEmailSchema, changeEmail);
  return (
    <form {...formProps} className="form" aria-labelledby={labelledBy}>
      <FormMessage message={state.message} />
      <Field label="New Email" type="email" autoComplete="email" required {...field('new_email')} />
      <Field label="Current Password" type="password" autoComplete="current-password" required {...field('email_password')} />
      <button type="submit" disabled={pending}>
        Change Email
      </button>
    </form>
  );
}
