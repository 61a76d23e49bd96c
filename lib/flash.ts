import { cookies, headers } from 'next/headers';

import { FLASH_COOKIE, FLASH_HEADER } from './flash-cookie';

export async function setFlash(message: string): Promise<void> {
  (await cookies()).set(FLASH_COOKIE, encodeURIComponent(message), {
    // Readable by the page's script so it can delete the message once shown (see ClearFlash).
    httpOnly: false,
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
