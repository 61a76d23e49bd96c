/**
 * Our forms post a few short fields; anything near this size is not one of them.
 * Refused here, before Next.js reads it, because Next.js answers an oversized or
 * garbled server-action body with a 500 and a stack trace in the log.
 */
export const MAX_FORM_BODY_BYTES = 64 * 1024;

const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
// The fields a form carries for its server action when posted without JavaScript: JSON, each one.
const ACTION_STATE_FIELD = /^\$ACTION_\d+:\d+$/;

function isJson(value: string): boolean {
  try {
    JSON.parse(value);
    return true;
  } catch {
    return false;
  }
}

/**
 * The status to refuse a write with when its body cannot be a form or server-action
 * call of ours (too big, unparseable, or an action envelope that is not JSON), else null.
 */
export async function malformedWriteStatus(request: Request): Promise<number | null> {
  if (!WRITE_METHODS.has(request.method)) return null;
  const length = Number(request.headers.get('content-length') ?? NaN);
  if (!Number.isFinite(length)) return request.body === null ? null : 411;
  if (length > MAX_FORM_BODY_BYTES) return 413;
  const type = request.headers.get('content-type') ?? '';
  if (type.startsWith('multipart/form-data') || type.startsWith('application/x-www-form-urlencoded')) {
    let form: FormData;
    try {
      form = await request.clone().formData();
    } catch {
      return 400;
    }
    for (const [name, value] of form) {
      if (ACTION_STATE_FIELD.test(name) && (typeof value !== 'string' || !isJson(value))) return 400;
    }
    return null;
  }
  if (request.headers.has('next-action') && !isJson(await request.clone().text())) return 400;
  return null;
}
