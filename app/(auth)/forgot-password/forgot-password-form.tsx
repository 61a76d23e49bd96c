'use client';
import { Field } from '@/components/field';
import { FormMessage } from '@/components/form-message';
import { useText } from '@/components/text-provider';
import { useActionForm } from '@/components/use-action-form';
import { requestReset } from './actions';

export function ForgotPasswordForm() {
  const { state, pending, formProps, field } = useActionForm(() => import('@/lib/validation/auth').then((schemas) => schemas.forgotPasswordSchema), requestReset);
  const label = useText('fields');
  const t = useText('forms');
  return (
    <form {...formProps} className="form">
      <FormMessage message={state.message} />
      <Field label={label('email')} type="email" autoComplete="email" required {...field('email')} />
      <button type="submit" disabled={pending}>
        {t('requestReset')}
      </button>
    </form>
  );
}
