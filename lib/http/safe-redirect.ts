// Any origin will do: a path is resolved against it and must not leave it.
const HERE = 'http://here.invalid';

/**
 * A return path from a query string, kept only if it stays on this site (an absolute
 * URL, `//host` or `/\\host` would send the user elsewhere after sign-in), and given
 * back percent-encoded, since a redirect's Location header holds no other characters.
 */
export function safeRedirectPath(candidate: unknown, fallback = '/'): string {
  if (typeof candidate !== 'string' || candidate.length > 2048 || !candidate.startsWith('/')) return fallback;
  if (/[\u0000-\u001f\u007f]/.test(candidate)) return fallback;
  let url: URL;
  try {
    url = new URL(candidate, HERE);
  } catch {
    return fallback;
  }
  if (url.origin !== HERE) return fallback;
  return `${url.pathname}${url.search}${url.hash}`;
}
