import { formPost } from './forms';

/** Signs in through the login form as a browser without JavaScript would, and returns the session cookie. */
export async function signIn(url: string, username: string, password: string): Promise<string> {
  const { body, contentType } = await formPost(`${url}/login`, { username, password, next: '/' });
  const response = await fetch(`${url}/login`, {
    method: 'POST',
    body: new Uint8Array(body),
    headers: { 'content-type': contentType, origin: url },
    redirect: 'manual',
  });
  const cookies = response.headers.getSetCookie().map((cookie) => cookie.split(';')[0]);
  const session = cookies.find((cookie) => cookie?.includes('session-token'));
  if (!session) throw new Error(`sign-in failed with ${response.status}`);
  return session;
}
