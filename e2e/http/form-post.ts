import type { APIRequestContext, APIResponse } from '@playwright/test';

const ENTITIES: Record<string, string> = { '&quot;': '"', '&amp;': '&', '&lt;': '<', '&gt;': '>', '&#x27;': "'", '&#39;': "'" };
const decode = (value: string) => value.replace(/&(quot|amp|lt|gt|#x27|#39);/g, (entity) => ENTITIES[entity] ?? entity);
const attribute = (tag: string, name: string) => tag.match(new RegExp(`\\s${name}="([^"]*)"`))?.[1];

/**
 * The hidden fields of the form on `path` that has a `field` input: the server action's
 * id and state, as a browser without JavaScript posts them.
 */
export async function hiddenFormFields(request: APIRequestContext, path: string, field: string): Promise<Record<string, string>> {
  const html = await (await request.get(path)).text();
  const form = html.match(/<form[\s\S]*?<\/form>/g)?.find((candidate) => candidate.includes(`name="${field}"`));
  if (!form) throw new Error(`no form with a ${field} field on ${path}`);
  const fields: Record<string, string> = {};
  for (const tag of form.match(/<input[^>]*>/g) ?? []) {
    const name = attribute(tag, 'name');
    if (attribute(tag, 'type') === 'hidden' && name) fields[decode(name)] = decode(attribute(tag, 'value') ?? '');
  }
  return fields;
}

export type RawField = string | Buffer | { filename: string; content: Buffer };

/** A multipart body built byte by byte, so a test can send what no browser would: invalid UTF-8, stray files. */
export function multipartBody(fields: Record<string, RawField>): { body: Buffer; contentType: string } {
  const boundary = `----attack${Date.now()}`;
  const parts = Object.entries(fields).map(([name, value]) => {
    const isFile = typeof value === 'object' && !Buffer.isBuffer(value);
    const disposition = `Content-Disposition: form-data; name="${name}"${isFile ? `; filename="${value.filename}"` : ''}`;
    const head = Buffer.from(`--${boundary}\r\n${disposition}\r\n${isFile ? 'Content-Type: application/octet-stream\r\n' : ''}\r\n`);
    const content = isFile ? value.content : Buffer.isBuffer(value) ? value : Buffer.from(value);
    return Buffer.concat([head, content, Buffer.from('\r\n')]);
  });
  return { body: Buffer.concat([...parts, Buffer.from(`--${boundary}--\r\n`)]), contentType: `multipart/form-data; boundary=${boundary}` };
}

export type FormPoster = (values: Record<string, RawField>, headers?: Record<string, string>) => Promise<APIResponse>;

/**
 * Reads the form on `path` (the one with a `field` input) once, and returns a function
 * that posts it with given values, as a browser with JavaScript off would.
 */
export async function formPoster(request: APIRequestContext, path: string, field: string): Promise<FormPoster> {
  const hidden = await hiddenFormFields(request, path, field);
  return (values, headers = {}) => {
    const { body, contentType } = multipartBody({ ...hidden, ...values });
    return request.post(path, { data: body, headers: { 'content-type': contentType, ...headers }, maxRedirects: 0 });
  };
}

/** Reads the form and posts it once. */
export async function postForm(
  request: APIRequestContext,
  path: string,
  field: string,
  values: Record<string, RawField>,
  headers: Record<string, string> = {},
): Promise<APIResponse> {
  return (await formPoster(request, path, field))(values, headers);
}
