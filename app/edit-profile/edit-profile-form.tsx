'use client';
import { Field, TextAreaField } from '@/components/field';
import { FormMessage } from '@/components/form-message';
import { useText } from '@/components/text-provider';
import { useActionForm } from '@/components/use-action-form';
import { POST_MAX } from '@/lib/validation/limits';
import { saveProfile } from './actions';

export function EditProfileForm({ username, aboutMe }: { username: string; aboutMe: string }) {
  const { state, pending, formProps, field } = useActionForm(() => import('@/lib/validation/posts').then((schemas) => schemas.editProfileSchema), saveProfile);
  const label = useText('fields');
  const t = useText('forms');
  const usernameField = field('username');
  const aboutField = field('about_me');
  return (
    <form {...formProps} className="form">
      <FormMessage message={state.message} />
      <Field label={label('username')} autoComplete="username" required {...usernameField} defaultValue={usernameField.defaultValue ?? username} />
      <TextAreaField label={label('aboutMe')} rows={4} maxLength={POST_MAX} counter={{ max: POST_MAX }} {...aboutField} defaultValue={aboutField.defaultValue ?? aboutMe} />
      <button type="submit" disabled={pending}>
        {t('submit')}
      </button>
    </form>
  );
}
