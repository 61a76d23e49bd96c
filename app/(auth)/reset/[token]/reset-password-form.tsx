'use client';
import { FormMessage } from '@/components/form-message';
import { NewPasswordFields } from '@/components/new-password-fields';
import { useText } from '@/components/text-provider';
import { useActionForm } from '@/components/use-action-form';
import { setNewPassword } from './actions';

export function ResetPasswordForm({ token }: { token: string }) {
  const { state, pending, formProps, field } = useActionForm(() => import('@/lib/validation/auth').then((schemas) => schemas.resetPasswordSchema), setNewPassword);
  const label = useText('fields');
  const t = useText('forms');
  return (
    <form {...formProps} className="form">
      <FormMessage message={state.message} />
      {/* A hidden field rather than a bound argument: a bound action posted without JavaScript stalls in Next 16.4. */}
      <input type="hidden" name="token" value={token} />
      <NewPasswordFields label={label('password')} password={field('password')} repeat={field('password2')} />
      <button type="submit" disabled={pending}>
        {t('resetPassword')}
      </button>
    </form>
  );
}
