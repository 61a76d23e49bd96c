'use client';
import { usePathname } from 'next/navigation';
import { useEffect, useState } from 'react';
import { FLASH_COOKIE } from './names';

/**
 * A flash message on the page it was meant for, once. The root layout that holds it stays
 * mounted across client-side navigation, so the message hides itself as soon as the path
 * changes, and does not come back with the page. It also deletes its cookie: after a
 * server action redirects, Next renders this page inside the action's response, where
 * the proxy cannot.
 */
export function FlashMessage({ message }: { message: string }) {
  const pathname = usePathname();
  const [shownOn] = useState(pathname);
  const [left, setLeft] = useState(false);
  useEffect(() => {
    document.cookie = `${FLASH_COOKIE}=; Max-Age=0; Path=/; SameSite=Lax`;
  }, []);
  // Once the user has moved on, coming back to the same path must not show it again.
  if (!left && pathname !== shownOn) setLeft(true);
  if (left) return null;
  return (
    <div className="flash" role="status">
      {message}
    </div>
  );
}
