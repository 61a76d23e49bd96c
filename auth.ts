import NextAuth, { AuthError, CredentialsSignin, type User } from 'next-auth';
import Credentials from 'next-auth/providers/credentials';
import { headers } from 'next/headers';
import { authConfig } from '@/auth.config';
import { authenticate } from '@/lib/auth/authenticate';
import { requestDeviceId } from '@/lib/auth/device-cookie';
import { endSession, startSession } from '@/lib/auth/sessions';
import { getConfig } from '@/lib/config';
import { clientAddress } from '@/lib/http/client-address';
import { passwordFingerprint } from '@/lib/tokens';
import { loginSchema } from '@/lib/validation/auth';

/** A sign-in refused because the account or the client address must wait; the form says so. */
export class SignInThrottled extends CredentialsSignin {
  override code = 'throttled';
}

// A function, so settings are read when a request arrives and `next build` needs no secrets.
export const { handlers, auth, signIn, signOut } = NextAuth(() => ({
  ...authConfig,
  secret: getConfig().secretKey,
  logger: {
    // A wrong password is an expected answer, not a server error worth a stack trace.
    // Matched on `type`: `name` is the class name, which the production build minifies.
    error(error) {
      if (!(error instanceof AuthError && error.type === 'CredentialsSignin')) console.error(error);
    },
  },
  events: {
    // Auth.js's own /api/auth/signout; the nav's Logout ends the row itself first (logout-action.ts).
    async signOut(message) {
      const sid = 'token' in message ? message.token?.sid : undefined;
      if (typeof sid === 'string') await endSession(sid);
    },
  },
  providers: [
    Credentials({
      credentials: { username: {}, password: {}, remember: {} },
      async authorize(credentials): Promise<User | null> {
        const parsed = loginSchema.safeParse(credentials);
        if (!parsed.success) return null;
        const { username, password } = parsed.data;
        const result = await authenticate(username, password, await clientAddress(), await requestDeviceId(username));
        if (!result.ok && result.reason === 'throttled') throw new SignInThrottled();
        if (!result.ok) return null;
        const { user } = result;
        const { remember } = parsed.data;
        const sessionId = await startSession(user.id, remember, (await headers()).get('user-agent') ?? '');
        return { id: String(user.id), name: user.username, sessionId, passwordFingerprint: passwordFingerprint(user.passwordHash), remember };
      },
    }),
  ],
}));
