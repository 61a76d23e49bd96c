import 'server-only';
import { cookies } from 'next/headers';
import { SESSION_COOKIE_NAMES } from '@/auth.config';

/**
 * Auth.js always gives its session cookie an expiry, which outlives the browser.
 * Without "Remember Me" we set it again with none, so it ends when the browser closes.
 */
export async function endSessionWithBrowser(): Promise<void> {
  const jar = await cookies();
  for (const cookie of jar.getAll()) {
    const baseName = cookie.name.replace(/\.\d+$/, '');
    if (!SESSION_COOKIE_NAMES.includes(baseName)) continue;
    jar.set(cookie.name, cookie.value, {
      httpOnly: true,
      sameSite: 'lax',
      path: '/',
      secure: cookie.name.startsWith('__Secure-'),
    });
  }
}
