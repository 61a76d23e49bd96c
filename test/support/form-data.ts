/** A form post's body as a browser sends it: each field once, a file as a Blob. */
export function formDataOf(fields: Record<string, string | Blob>): FormData {
  const data = new FormData();
  for (const [key, value] of Object.entries(fields)) data.append(key, value);
  return data;
}
