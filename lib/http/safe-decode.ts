/** `decodeURIComponent`, or null for a malformed escape (`%`, `%FF`) that would make it throw. */
export function safeDecodeURIComponent(value: string): string | null {
  try {
    return decodeURIComponent(value);
  } catch {
    return null;
  }
}
