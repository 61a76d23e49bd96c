'use client';
import { startTransition, useActionState, useState, type FormEvent } from 'react';
import { useForm, type FieldValues, type Path } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import type * as z from 'zod/mini';
import type { FormState } from '@/lib/validation/form-state';
import { useFieldErrorText } from './text-provider';

type Action = (state: FormState, formData: FormData) => Promise<FormState>;

/**
 * Ties a form to its server action and its zod schema: without JavaScript the form
 * posts to the action as is; with it, the same schema checks fields as you type and
 * the action only runs once they pass. A server's message about a field goes as soon
 * as that field is changed: it spoke of what was sent, not of what is there now.
 * The schema's messages are keys, put into the words the page handed down (see
 * ClientText); the server's come in words already.
 */
export function useActionForm<Input extends FieldValues>(schema: z.ZodMiniType<unknown, Input>, action: Action) {
  const [state, formAction, pending] = useActionState(action, {});
  const form = useForm<Input>({ resolver: zodResolver(schema as never), mode: 'onTouched' });
  const errorText = useFieldErrorText();
  // Fields changed since the server's last answer; a new answer starts the list again.
  const [edits, setEdits] = useState({ answer: state, names: new Set<string>() });
  const editedSinceAnswer = edits.answer === state ? edits.names : new Set<string>();

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    const element = event.currentTarget;
    void form.handleSubmit(() => startTransition(() => formAction(new FormData(element))))(event);
  };

  return {
    state,
    pending,
    formProps: {
      action: formAction,
      noValidate: true,
      onSubmit,
    },
    field: (name: Path<Input>) => ({
      ...form.register(name, {
        onChange: () => {
          if (!editedSinceAnswer.has(name)) setEdits({ answer: state, names: new Set(editedSinceAnswer).add(name) });
        },
      }),
      defaultValue: state.values?.[name],
      error: errorText(form.formState.errors[name]?.message?.toString()) ?? (editedSinceAnswer.has(name) ? undefined : state.errors?.[name]?.[0]),
    }),
  };
}
