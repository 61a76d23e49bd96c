import { cookies, headers } from 'next/headers';

/** Set by an action before it redirects; the proxy hands it to the next page and deletes it. */
export const FLASH_COOKIE = 'flash';
/** How the proxy passes the message on to the page it shows up on. */
export const FLASH_HEADER = 'x-microblog-flash';

export async function setFlash(message: string): Promise<void> {
  (await cookies()).set(FLASH_COOKIE, encodeURIComponent(message), {
    httpOnly: true,
    sameSite: 'lax',
    path: '/',
    maxAge: 60,
  });
}

export async function readFlash(): Promise<string | null> {
  const value = (await headers()).get(FLASH_HEADER);
  if (!value) return null;
  try {
    return decodeURIComponent(value);
  } catch {
    return null;
  }
}
