import * as z from 'zod/mini';

/** What every form's server action returns to the form it came from. */
export type FormState = {
  /** Messages per field, shown next to it. */
  errors?: Record<string, string[] | undefined>;
  /** A message about the whole form, shown above it. */
  message?: string;
  /** The submitted values, so the form refills; passwords are never sent back. */
  values?: Record<string, string>;
};

/**
 * How a form's field errors are put into the reader's language: the schemas give message
 * keys (see fields.ts), and checks that name none fall back on zod's own words, here in
 * `zodDefaults`' language.
 */
export type FieldErrorWords = { translate: (message: string) => string; zodDefaults?: z.core.$ZodErrorMap };

// Every password field (new, repeated, current) and link token: never sent back to the page.
const SECRET_FIELD = /password|token/;

function submittedValues(formData: FormData): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, value] of formData) {
    if (typeof value === 'string' && !key.startsWith('$') && !SECRET_FIELD.test(key)) values[key] = value;
  }
  return values;
}

export type Parsed<T> = { ok: true; data: T } | { ok: false; state: FormState };

/** Parses a form post with its schema; a file where text belongs is refused like any bad value. */
export function parseForm<Schema extends z.ZodMiniType>(schema: Schema, formData: FormData, words: FieldErrorWords): Parsed<z.output<Schema>> {
  // A hand-made action call can decode to no form at all; it gets an answer, not a crash.
  if (!(formData instanceof FormData)) return { ok: false, state: { message: words.translate('formUnreadable') } };
  const fields: Record<string, unknown> = {};
  for (const [key, value] of formData) fields[key] = value;
  const result = z.safeParse(schema, fields, words.zodDefaults ? { error: words.zodDefaults } : undefined);
  if (result.success) return { ok: true, data: result.data };
  const errors = Object.entries(z.flattenError(result.error).fieldErrors as Record<string, string[]>).map(([field, messages]) => [field, messages.map(words.translate)]);
  return { ok: false, state: { errors: Object.fromEntries(errors), values: submittedValues(formData) } };
}

/** Sends the form back with messages beside the named fields, refilled but for secrets. */
export function fieldErrors(formData: FormData, errors: NonNullable<FormState['errors']>): FormState {
  return { errors, values: submittedValues(formData) };
}

/** Sends the form back with a message about the whole of it, refilled but for secrets. */
export function formMessage(formData: FormData, message: string): FormState {
  return { message, values: submittedValues(formData) };
}
