import type { APIRequestContext, APIResponse } from '@playwright/test';

export type FormFields = Record<string, string | { name: string; mimeType: string; buffer: Buffer }>;

const ENTITIES: Record<string, string> = { '&quot;': '"', '&amp;': '&', '&lt;': '<', '&gt;': '>', '&#x27;': "'", '&#39;': "'" };
const decode = (value: string) => value.replace(/&(quot|amp|lt|gt|#x27|#39);/g, (entity) => ENTITIES[entity] ?? entity);
const attribute = (tag: string, name: string) => tag.match(new RegExp(`\\s${name}="([^"]*)"`))?.[1];

/**
 * The hidden fields a page's form posts without JavaScript: the server action's id and
 * its state. With them a test can post the form as a browser would, or as an attacker.
 */
export async function hiddenFormFields(request: APIRequestContext, path: string, formIndex = 0): Promise<Record<string, string>> {
  const html = await (await request.get(path)).text();
  const form = html.match(/<form[\s\S]*?<\/form>/g)?.[formIndex];
  if (!form) throw new Error(`no form on ${path}`);
  const fields: Record<string, string> = {};
  for (const tag of form.match(/<input[^>]*>/g) ?? []) {
    const name = attribute(tag, 'name');
    if (attribute(tag, 'type') === 'hidden' && name) fields[decode(name)] = decode(attribute(tag, 'value') ?? '');
  }
  return fields;
}

/** Posts a page's form with these fields, as a browser with JavaScript off would. */
export async function postForm(request: APIRequestContext, path: string, fields: FormFields, headers: Record<string, string> = {}): Promise<APIResponse> {
  const hidden = await hiddenFormFields(request, path);
  return request.post(path, { multipart: { ...hidden, ...fields }, headers, maxRedirects: 0 });
}
