'use client';
import { Field } from '@/components/field';
import { FormMessage } from '@/components/form-message';
import { NewPasswordFields } from '@/components/new-password-fields';
import { useText } from '@/components/text-provider';
import { useActionForm } from '@/components/use-action-form';
import { changeOwnPassword } from './actions';

export function ChangePasswordForm({ labelledBy }: { labelledBy: string }) {
  const { state, pending, formProps, field } = useActionForm(() => import('@/lib/validation/account').then((schemas) => schemas.changePasswordSchema), changeOwnPassword);
  const label = useText('fields');
  const t = useText('forms');
  return (
    <form {...formProps} className="form" aria-labelledby={labelledBy}>
      <FormMessage message={state.message} />
      <Field label={label('currentPassword')} type="password" autoComplete="current-password" required {...field('current_password')} />
      <NewPasswordFields label={label('newPassword')} password={field('password')} repeat={field('password2')} />
      <button type="submit" disabled={pending}>
        {t('changePassword')}
      </button>
    </form>
  );
}
