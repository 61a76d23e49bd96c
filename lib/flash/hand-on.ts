import type { NextRequest, NextResponse } from 'next/server';
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
  forwarded.set(FLASH_HEADER, flash);
  return (response) => {
    response.cookies.delete(FLASH_COOKIE);
    return response;
  };
}
