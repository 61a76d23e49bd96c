/**
 * A form post exactly as a browser without JavaScript sends it: the page's hidden
 * server-action fields plus the visible ones, as multipart/form-data.
 */
export async function formPost(pageUrl: string, fields: Record<string, string>): Promise<{ body: Buffer; contentType: string }> {
  const html = await (await fetch(pageUrl)).text();
  const form = new FormData();
  for (const [, name, value] of html.matchAll(/<input type="hidden" name="(\$ACTION[^"]*)"(?: value="([^"]*)")?/g)) {
    form.append(name ?? '', (value ?? '').replaceAll('&quot;', '"').replaceAll('&amp;', '&'));
  }
  if (![...form.keys()].length) throw new Error(`no server-action form on ${pageUrl}`);
  for (const [name, value] of Object.entries(fields)) form.append(name, value);
  const request = new Request(pageUrl, { method: 'POST', body: form });
  return { body: Buffer.from(await request.arrayBuffer()), contentType: request.headers.get('content-type') ?? '' };
}
