import 'server-only';
import { createHmac, randomBytes } from 'node:crypto';
import { cookies } from 'next/headers';
import { getConfig } from '@/lib/config';
import { constantTimeEqual } from '@/lib/constant-time';

/**
 * OWASP's device cookie: a browser that once signed in to an account carries a signed
 * token for it, and its sign-in attempts are counted apart from everyone else's, so a
 * guesser who exhausts the account's attempts does not lock its owner out.
 */
const DEVICE_COOKIE = 'device';
const DEVICE_COOKIE_DAYS = 365;

const accountKey = (username: string) => username.toLowerCase();

function mac(deviceId: string, username: string): string {
  return createHmac('sha256', getConfig().secretKey).update(`device\0${deviceId}\0${accountKey(username)}`).digest('base64url');
}

/** The id of the browser's device cookie if it was issued for this account, else null. */
export function trustedDeviceId(cookieValue: string | undefined, username: string): string | null {
  const [deviceId, signature] = cookieValue?.split('.') ?? [];
  if (!deviceId || !signature) return null;
  return constantTimeEqual(signature, mac(deviceId, username)) ? deviceId : null;
}

/** The device id this request's browser holds for `username`, or null. */
export async function requestDeviceId(username: string): Promise<string | null> {
  return trustedDeviceId((await cookies()).get(DEVICE_COOKIE)?.value, username);
}

/** After a successful sign-in: the browser is now a known device of this account. */
export async function rememberDevice(username: string): Promise<void> {
  const jar = await cookies();
  const deviceId = trustedDeviceId(jar.get(DEVICE_COOKIE)?.value, username) ?? randomBytes(16).toString('base64url');
  jar.set(DEVICE_COOKIE, `${deviceId}.${mac(deviceId, username)}`, {
    httpOnly: true,
    sameSite: 'lax',
    path: '/',
    secure: getConfig().appUrl.startsWith('https:'),
    maxAge: DEVICE_COOKIE_DAYS * 24 * 3600,
  });
}
