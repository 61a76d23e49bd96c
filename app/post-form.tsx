'use client';
import { TextAreaField } from '@/components/field';
import { FormMessage } from '@/components/form-message';
import { useText } from '@/components/text-provider';
import { useActionForm } from '@/components/use-action-form';
import { POST_MAX } from '@/lib/validation/limits';
import { publishPost } from './actions';

export function PostForm() {
  const { state, pending, formProps, field } = useActionForm(() => import('@/lib/validation/posts').then((schemas) => schemas.postSchema), publishPost);
  const label = useText('fields');
  const t = useText('forms');
  return (
    <form {...formProps} className="form card-wide">
      <FormMessage message={state.message} />
      <TextAreaField label={label('post')} rows={3} maxLength={POST_MAX} counter={{ max: POST_MAX }} {...field('post')} />
      <button type="submit" disabled={pending}>
        {t('submit')}
      </button>
    </form>
  );
}
