'use client';
import { Field } from '@/components/field';
import { FormMessage } from '@/components/form-message';
import { useActionForm } from '@/components/use-action-form';
import { editProfileSchema, POST_MAX } from '@/lib/validation/posts';
import { saveProfile } from './actions';

export function EditProfileForm({ username, aboutMe }: { username: string; aboutMe: string }) {
  const { state, pending, formProps, field } = useActionForm(editProfileSchema, saveProfile);
  const { error: aboutError, defaultValue: aboutValue, ...about } = field('about_me');
  const usernameField = field('username');
  return (
    <form {...formProps} className="form">
      <FormMessage message={state.message} />
      <Field label="Username" autoComplete="username" required {...usernameField} defaultValue={usernameField.defaultValue ?? username} />
      <div className="field">
        <label htmlFor="field-about_me">About me</label>
        <textarea
          id="field-about_me"
          rows={4}
          maxLength={POST_MAX * 2}
          defaultValue={aboutValue ?? aboutMe}
          aria-invalid={aboutError ? true : undefined}
          aria-describedby={aboutError ? 'field-about_me-error' : undefined}
          {...about}
        />
        <p id="field-about_me-error" className="field-error" role="alert" hidden={!aboutError}>
          {aboutError}
        </p>
      </div>
      <button type="submit" disabled={pending}>
        Submit
      </button>
    </form>
  );
}
