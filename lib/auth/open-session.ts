import 'server-only';
import { AuthError } from 'next-auth';
import { cookies } from 'next/headers';
import { includesSessionCookie } from '@/auth.config';
import { signIn, SignInThrottled } from '@/auth';
import { rememberDevice } from '@/lib/auth/device-cookie';

/**
 * Auth.js always gives its session cookie an expiry, which outlives the browser.
 * Without "Remember Me" we set it again with none, so it ends when the browser closes.
 */
async function endSessionWithBrowser(): Promise<void> {
  const jar = await cookies();
  for (const cookie of jar.getAll()) {
    if (!includesSessionCookie([cookie.name])) continue;
    jar.set(cookie.name, cookie.value, {
      httpOnly: true,
      sameSite: 'lax',
      path: '/',
      secure: cookie.name.startsWith('__Secure-'),
    });
  }
}

export type OpenSession = 'ok' | 'invalid' | 'throttled';

/**
 * Signs in through Auth.js (and so through the sign-in throttle) and sets the session
 * cookie: for 30 days with "Remember Me", else until the browser closes.
 */
export async function openSession(username: string, password: string, remember: boolean): Promise<OpenSession> {
  try {
    // An unticked box is posted as nothing at all, as a browser does.
    await signIn('credentials', { username, password, ...(remember ? { remember: 'on' } : {}), redirect: false });
  } catch (error) {
    if (error instanceof SignInThrottled) return 'throttled';
    if (error instanceof AuthError) return 'invalid';
    throw error;
  }
  if (!remember) await endSessionWithBrowser();
  await rememberDevice(username);
  return 'ok';
}
