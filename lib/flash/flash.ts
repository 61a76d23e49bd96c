import 'server-only';
import { cookies, headers } from 'next/headers';
import { safeDecodeURIComponent } from '@/lib/http/safe-decode';
import { FLASH_COOKIE, FLASH_HEADER } from './names';

/** Leaves a message for the next page the user sees, as the seed's flash() did. */
export async function setFlash(message: string): Promise<void> {
  (await cookies()).set(FLASH_COOKIE, encodeURIComponent(message), {
    // Readable by the page's script so it can delete the message once shown (see ClearFlash).
    httpOnly: false,
    sameSite: 'lax',
    path: '/',
    maxAge: 60,
  });
}

/** The message the proxy handed to this page, if any. */
export async function readFlash(): Promise<string | null> {
  const value = (await headers()).get(FLASH_HEADER);
  return value ? safeDecodeURIComponent(value) : null;
}
