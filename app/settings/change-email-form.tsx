'use client';
import { Field } from '@/components/field';
import { FormMessage } from '@/components/form-message';
import { useText } from '@/components/text-provider';
import { useActionForm } from '@/components/use-action-form';
import { changeEmail } from './actions';

export function ChangeEmailForm({ labelledBy }: { labelledBy: string }) {
  const { state, pending, formProps, field } = useActionForm(() => import('@/lib/validation/account').then((schemas) => schemas.changeEmailSchema), changeEmail);
  const label = useText('fields');
  const t = useText('forms');
  return (
    <form {...formProps} className="form" aria-labelledby={labelledBy}>
      <FormMessage message={state.message} />
      <Field label={label('newEmail')} type="email" autoComplete="email" required {...field('new_email')} />
      <Field label={label('currentPassword')} type="password" autoComplete="current-password" required {...field('email_password')} />
      <button type="submit" disabled={pending}>
        {t('changeEmail')}
      </button>
    </form>
  );
}
