import 'server-only';
import { randomBytes } from 'node:crypto';
import { cookies, headers } from 'next/headers';
import { safeDecodeURIComponent } from '@/lib/http/safe-decode';
import { FLASH_COOKIE, FLASH_HEADER } from './names';

export type Flash = { id: string; message: string };

/** Leaves a message for the next page the user sees, as the seed's flash() did. */
export async function setFlash(message: string): Promise<void> {
  // The id tells two flashes of the same words apart, so each is shown once.
  const id = randomBytes(6).toString('base64url');
  (await cookies()).set(FLASH_COOKIE, `${id}.${encodeURIComponent(message)}`, {
    // Readable by the page's script so it can delete the message once shown (see FlashMessage).
    httpOnly: false,
    sameSite: 'lax',
    path: '/',
    maxAge: 60,
  });
}

/** The message the proxy handed to this page, if any. */
export async function readFlash(): Promise<Flash | null> {
  const value = (await headers()).get(FLASH_HEADER);
  const dot = value?.indexOf('.') ?? -1;
  if (!value || dot < 1) return null;
  const message = safeDecodeURIComponent(value.slice(dot + 1));
  return message ? { id: value.slice(0, dot), message } : null;
}
