'use client';
import { FormMessage } from '@/components/form-message';
import { useActionForm } from '@/components/use-action-form';
import { POST_MAX, postSchema } from '@/lib/validation/posts';
import { publishPost } from './actions';

export function PostForm() {
  const { state, pending, formProps, field } = useActionForm(postSchema, publishPost);
  const { error, defaultValue, ...post } = field('post');
  return (
    <form {...formProps} className="form card-wide">
      <FormMessage message={state.message} />
      <div className="field">
        <label htmlFor="field-post">Say something</label>
        <textarea
          id="field-post"
          rows={3}
          maxLength={POST_MAX * 2}
          defaultValue={defaultValue}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? 'field-post-error' : undefined}
          {...post}
        />
        <p id="field-post-error" className="field-error" role="alert" hidden={!error}>
          {error}
        </p>
      </div>
      <button type="submit" disabled={pending}>
        Submit
      </button>
    </form>
  );
}
