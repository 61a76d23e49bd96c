import { isDecodableFormAction, isDecodableReply } from './action-envelope';

/**
 * Our forms post a few short fields; anything near this size is not one of them.
 * Refused here, before Next.js reads it, because Next.js answers an oversized or
 * garbled server-action body with a 500 and a stack trace in the log.
 */
export const MAX_FORM_BODY_BYTES = 64 * 1024;

const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * The status to refuse a write with when its body cannot be a form or server-action
 * call of ours (too big, unparseable, or an action envelope React cannot decode), else
 * null. Refused with a 400 here, what Next.js would answer with a 500 and a server-error
 * report: a client's garbage must not page the admins.
 */
export async function malformedWriteStatus(request: Request): Promise<number | null> {
  if (!WRITE_METHODS.has(request.method)) return null;
  const length = Number(request.headers.get('content-length') ?? NaN);
  if (!Number.isFinite(length)) return request.body === null ? null : 411;
  if (length > MAX_FORM_BODY_BYTES) return 413;
  const type = request.headers.get('content-type') ?? '';
  const isActionCall = request.headers.has('next-action');
  // The body is read here and by nothing after: Next.js gives its proxy a copy of its own,
  // and the front door hands on the bytes it read. A clone would tee the stream for nothing.
  if (type.startsWith('multipart/form-data') || (!isActionCall && type.startsWith('application/x-www-form-urlencoded'))) {
    let form: FormData;
    try {
      form = await request.formData();
    } catch {
      return 400;
    }
    const decodable = isActionCall ? isDecodableReply((id) => stringField(form, String(id))) : isDecodableFormAction(form);
    return decodable ? null : 400;
  }
  // Next.js reads any other body of an action call as the text of its argument list.
  if (isActionCall && type !== 'application/x-www-form-urlencoded') {
    const text = await request.text();
    return isDecodableReply((id) => (id === 0 ? text : undefined)) ? null : 400;
  }
  return null;
}

function stringField(form: FormData, name: string): string | undefined {
  const value = form.get(name);
  return typeof value === 'string' ? value : undefined;
}
