'use client';
import { startTransition, useActionState, useRef, useState, type ChangeEvent, type FocusEvent, type FormEvent } from 'react';
import type * as z from 'zod/mini';
import type { FormState } from '@/lib/validation/form-state';
import { fieldMessages, type FieldMessages } from './field-messages';
import { useFieldErrorText } from './text-provider';

type Action = (state: FormState, formData: FormData) => Promise<FormState>;
type FieldEvent = ChangeEvent<HTMLInputElement | HTMLTextAreaElement> | FocusEvent<HTMLInputElement | HTMLTextAreaElement>;

/**
 * Ties a form to its server action and its zod schema: without JavaScript the form
 * posts to the action as is; with it, the same schema checks fields as you type and
 * the action only runs once they pass. A server's message about a field goes as soon
 * as that field is changed: it spoke of what was sent, not of what is there now.
 * The schema's messages are keys, put into the words the page handed down (see
 * ClientText); the server's come in words already.
 *
 * `loadSchema` is a dynamic import of the schema: zod and the schema are the bulk of a
 * form's script, so they load when the form is first focused, not with the page. A check
 * asked for before then (a blur, a submit) runs once they arrive.
 *
 * Checks follow "on touched": a field is checked when it first loses focus and then on
 * every change; after a submit, every field is checked on every change.
 *
 * `permalink` is for a form whose page has a prerendered and a rendered version: the
 * answer to a post without JavaScript is rendered by the other one, and React finds the
 * form's state there by this URL instead of by the form's place in the page.
 */
export function useActionForm<Input extends object>(
  loadSchema: () => Promise<z.ZodMiniType<unknown, Input>>,
  action: Action,
  { permalink }: { permalink?: string } = {},
) {
  const [state, formAction, pending] = useActionState(action, {}, permalink);
  const errorText = useFieldErrorText();
  const [messages, setMessages] = useState<FieldMessages>({});
  const schema = useRef<Promise<z.ZodMiniType> | null>(null);
  const touched = useRef(new Set<string>());
  const submitted = useRef(false);
  // Fields changed since the server's last answer; a new answer starts the list again.
  const [edits, setEdits] = useState({ answer: state, names: new Set<string>() });
  const editedSinceAnswer = edits.answer === state ? edits.names : new Set<string>();

  const load = () => {
    schema.current ??= loadSchema().catch((error: unknown) => {
      // A failed download is tried again on the next focus; meanwhile the server checks alone.
      schema.current = null;
      throw error;
    });
    return schema.current;
  };

  /** Refreshes one field's message once the schema is here, from the values the form holds then. */
  const check = (form: HTMLFormElement | null, name: string) => {
    if (!form) return;
    load().then(
      async (loaded) => {
        const found = (await fieldMessages(loaded, form))[name];
        setMessages((shown) => {
          const next = { ...shown };
          if (found) next[name] = found;
          else delete next[name];
          return next;
        });
      },
      () => undefined,
    );
  };

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    submitted.current = true;
    const send = () => startTransition(() => formAction(new FormData(form)));
    // Without the schema (its download failed) the server's own check answers.
    load().then(async (loaded) => {
      const found = await fieldMessages(loaded, form);
      setMessages(found);
      const invalid = [...form.elements].find((element) => 'name' in element && typeof element.name === 'string' && element.name in found);
      if (invalid instanceof HTMLElement) invalid.focus();
      else send();
    }, send);
  };

  return {
    state,
    pending,
    formProps: {
      action: formAction,
      noValidate: true,
      onSubmit,
      onFocus: () => void load().catch(() => undefined),
    },
    field: (name: keyof Input & string) => ({
      name,
      onChange: (event: FieldEvent) => {
        if (!editedSinceAnswer.has(name)) setEdits({ answer: state, names: new Set(editedSinceAnswer).add(name) });
        if (submitted.current || touched.current.has(name)) check(event.currentTarget.form, name);
      },
      onBlur: (event: FieldEvent) => {
        if (submitted.current) return;
        touched.current.add(name);
        check(event.currentTarget.form, name);
      },
      defaultValue: state.values?.[name],
      error: errorText(messages[name]) ?? (editedSinceAnswer.has(name) ? undefined : state.errors?.[name]?.[0]),
    }),
  };
}
