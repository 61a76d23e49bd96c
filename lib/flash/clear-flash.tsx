'use client';
import { useEffect } from 'react';
import { FLASH_COOKIE } from './names';

/**
 * After a server action redirects, Next renders the next page inside the action's
 * response, where the proxy cannot delete the cookie; the browser does it here instead.
 */
export function ClearFlash() {
  useEffect(() => {
    document.cookie = `${FLASH_COOKIE}=; Max-Age=0; Path=/; SameSite=Lax`;
  }, []);
  return null;
}
