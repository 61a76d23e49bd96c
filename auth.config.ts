import type { NextAuthConfig } from 'next-auth';
import { SESSION_MAX_AGE_SECONDS } from '@/lib/auth/session-lifetime';

/**
 * The parts of the Auth.js setup that need no database, crypto or Node modules,
 * kept apart so anything that runs at the edge can import them.
 */
export const authConfig = {
  pages: { signIn: '/login', error: '/login' },
  session: { strategy: 'jwt', maxAge: SESSION_MAX_AGE_SECONDS },
  callbacks: {
    jwt({ token, user }) {
      // Only present at sign-in: remember which session row the cookie stands for, which
      // password it was opened with, and whether it was to outlive the browser, so a
      // password change can reopen it alike.
      if (user?.passwordFingerprint) {
        token.sid = user.sessionId;
        token.passwordFingerprint = user.passwordFingerprint;
        token.remember = user.remember === true;
      }
      return token;
    },
    session({ session, token }) {
      if (token.sub) session.user.id = token.sub;
      session.sessionId = typeof token.sid === 'string' ? token.sid : '';
      session.passwordFingerprint = typeof token.passwordFingerprint === 'string' ? token.passwordFingerprint : '';
      session.remember = token.remember === true;
      return session;
    },
  },
  providers: [],
} satisfies NextAuthConfig;

/** Auth.js names the cookie with a `__Secure-` prefix when the app is served over https. */
export const SESSION_COOKIE_NAMES = ['authjs.session-token', '__Secure-authjs.session-token'];

/** Whether any of these cookie names is a session cookie, or a chunk of one (Auth.js splits large ones as `name.0`, `name.1`). */
export function includesSessionCookie(cookieNames: Iterable<string>): boolean {
  for (const name of cookieNames) if (SESSION_COOKIE_NAMES.includes(name.replace(/\.\d+$/, ''))) return true;
  return false;
}

declare module 'next-auth' {
  interface Session {
    /** The row in `sessions` this cookie stands for; '' in a cookie from before there were rows. */
    sessionId: string;
    passwordFingerprint: string;
    remember: boolean;
  }
  interface User {
    sessionId?: string;
    passwordFingerprint?: string;
    remember?: boolean;
  }
}
