import type { NextRequest, NextResponse } from 'next/server';
import { safeDecodeURIComponent } from '@/lib/http/safe-decode';
import { FLASH_COOKIE, FLASH_HEADER } from './names';

/**
 * Proxy step: hands the flash message to the page being shown (through a request header
 * the client cannot set, since it is replaced here) and returns what deletes it from the
 * response, so it shows once.
 */
export function handOnFlash(request: NextRequest, forwarded: Headers): (response: NextResponse) => NextResponse {
  forwarded.delete(FLASH_HEADER);
  const flash = request.cookies.get(FLASH_COOKIE)?.value;
  // Prefetches and action posts are not a page the user reads, so they leave the message for the next one.
  const showsPage = request.method === 'GET' && !request.headers.has('next-router-prefetch');
  if (!flash || !showsPage) return (response) => response;
  // A header holds no Chinese, and the cookie can arrive still percent-encoded or already decoded
  // (Next.js encodes what setFlash encoded, then decodes once): hand it on encoded exactly once.
  const dot = flash.indexOf('.');
  const message = flash.slice(dot + 1);
  forwarded.set(FLASH_HEADER, `${flash.slice(0, dot)}.${encodeURIComponent(safeDecodeURIComponent(message) ?? message)}`);
  return (response) => {
    response.cookies.delete(FLASH_COOKIE);
    return response;
  };
}
