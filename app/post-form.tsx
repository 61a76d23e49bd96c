'use client';
import { TextAreaField } from '@/components/field';
import { FormMessage } from '@/components/form-message';
import { useActionForm } from '@/components/use-action-form';
import { POST_MAX, postSchema } from '@/lib/validation/posts';
import { publishPost } from './actions';

export function PostForm() {
  const { state, pending, formProps, field } = useActionForm(postSchema, publishPost);
  return (
    <form {...formProps} className="form card-wide">
      <FormMessage message={state.message} />
      <TextAreaField label="Say something" rows={3} maxLength={POST_MAX} counter={{ max: POST_MAX }} {...field('post')} />
      <button type="submit" disabled={pending}>
        Submit
      </button>
    </form>
  );
}
