'use client';
import { startTransition, useActionState, useState, type FormEvent } from 'react';
import { useForm, type FieldValues, type Path } from 'react-hook-form';
import type * as z from 'zod/mini';
import type { FormState } from '@/lib/validation/form-state';
import { lazySchemaResolver } from './lazy-schema-resolver';
import { useFieldErrorText } from './text-provider';

type Action = (state: FormState, formData: FormData) => Promise<FormState>;

/**
 * Ties a form to its server action and its zod schema: without JavaScript the form
 * posts to the action as is; with it, react-hook-form checks fields against the same
 * schema as you type and the action only runs once they pass. A server's message about
 * a field goes as soon as that field is changed: it spoke of what was sent, not of what
 * is there now. The schema's messages are keys, put into the words the page handed down
 * (see ClientText); the server's come in words already.
 *
 * `loadSchema` is a dynamic import of the schema: zod and the schema are the bulk of a
 * form's script, so they load when the form is first focused, not with the page. A check
 * asked for before then (a blur, a submit) runs once they arrive.
 *
 * Checks follow react-hook-form's "on touched": a field is checked when it first loses
 * focus and then on every change; after a submit, every field is checked on every change.
 *
 * `permalink` is for a form whose page has a prerendered and a rendered version: the
 * answer to a post without JavaScript is rendered by the other one, and React finds the
 * form's state there by this URL instead of by the form's place in the page.
 */
export function useActionForm<Input extends FieldValues>(
  loadSchema: () => Promise<z.ZodMiniType<unknown, Input>>,
  action: Action,
  { permalink }: { permalink?: string } = {},
) {
  const [state, formAction, pending] = useActionState(action, {}, permalink);
  const errorText = useFieldErrorText();
  // One per form, kept across renders: it holds the schema once loaded.
  const [{ resolver, preload }] = useState(() => lazySchemaResolver<Input>(loadSchema));
  const { register, handleSubmit, formState } = useForm<Input>({ mode: 'onTouched', resolver });
  // Fields changed since the server's last answer; a new answer starts the list again.
  const [edits, setEdits] = useState({ answer: state, names: new Set<string>() });
  const editedSinceAnswer = edits.answer === state ? edits.names : new Set<string>();

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    const form = event.currentTarget;
    // What is sent is the form's own FormData, as a post without JavaScript would send.
    void handleSubmit(() => startTransition(() => formAction(new FormData(form))))(event);
  };

  return {
    state,
    pending,
    formProps: {
      action: formAction,
      noValidate: true,
      onSubmit,
      onFocus: preload,
    },
    field: (name: Path<Input>) => ({
      ...register(name, {
        onChange: () => {
          if (!editedSinceAnswer.has(name)) setEdits({ answer: state, names: new Set(editedSinceAnswer).add(name) });
        },
      }),
      defaultValue: state.values?.[name],
      error: errorText(formState.errors[name]?.message?.toString()) ?? (editedSinceAnswer.has(name) ? undefined : state.errors?.[name]?.[0]),
    }),
  };
}
