import type * as z from 'zod/mini';

/** Each field's first message, by field name. */
export type FieldMessages = Record<string, string>;

/**
 * What `schema` says of the form as it would be posted now, the first message per field.
 * The values are the form's own FormData, read as the server action reads it (an unticked
 * checkbox absent, hidden fields present), so both sides judge the same input. It asks the
 * schema through its Standard Schema interface, so this module costs no zod code.
 */
export async function fieldMessages(schema: z.ZodMiniType, form: HTMLFormElement): Promise<FieldMessages> {
  const result = await schema['~standard'].validate(Object.fromEntries(new FormData(form)));
  const messages: FieldMessages = {};
  for (const issue of result.issues ?? []) {
    const segment = issue.path?.[0];
    const name = typeof segment === 'object' ? segment.key : segment;
    if (typeof name === 'string') messages[name] ??= issue.message;
  }
  return messages;
}
