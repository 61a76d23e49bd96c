import type { FieldErrors, FieldValues, Resolver } from 'react-hook-form';
import type * as z from 'zod/mini';

/**
 * A react-hook-form resolver whose schema is a dynamic import, fetched by `preload` (on the
 * form's first focus) or by the first check, which then waits for it. A failed download is
 * tried again next time; meanwhile nothing is found wrong and the server's own check answers.
 *
 * It judges the form as it would be posted now: the form's own FormData, read as the server
 * action reads it (an unticked checkbox absent, hidden fields present), so both sides judge
 * the same input; react-hook-form's values are not used. Each field gets the schema's first
 * message about it. The schema is asked through its Standard Schema interface, so this
 * module costs no zod code (which @hookform/resolvers would bring into the page's script).
 */
export function lazySchemaResolver<Values extends FieldValues>(loadSchema: () => Promise<z.ZodMiniType>) {
  let schema: Promise<z.ZodMiniType | null> | null = null;
  const load = () =>
    (schema ??= loadSchema().catch(() => {
      schema = null;
      return null;
    }));

  const resolver: Resolver<Values> = async (values, _context, { fields }) => {
    const loaded = await load();
    // The form is read once the schema is here: a check that waited judges what the form holds then.
    const form = Object.values(fields)
      .flatMap((field) => [field.ref, ...(field.refs ?? [])])
      .find((ref) => ref instanceof HTMLInputElement || ref instanceof HTMLTextAreaElement)?.form;
    if (!loaded || !form) return { values, errors: {} };
    const result = await loaded['~standard'].validate(Object.fromEntries(new FormData(form)));
    const errors: FieldErrors = {};
    for (const issue of result.issues ?? []) {
      const segment = issue.path?.[0];
      const name = typeof segment === 'object' ? segment.key : segment;
      if (typeof name === 'string') errors[name] ??= { type: 'schema', message: issue.message };
    }
    return Object.keys(errors).length > 0 ? { values: {}, errors: errors as FieldErrors<Values> } : { values, errors: {} };
  };

  return { resolver, preload: () => void load() };
}
