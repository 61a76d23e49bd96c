import 'server-only';
import { createHmac } from 'node:crypto';
import { errors, jwtVerify, SignJWT } from 'jose';
import { getConfig } from '@/lib/config';
import { constantTimeEqual } from '@/lib/constant-time';

export const RESET_PASSWORD = 'reset-password';
export const CONFIRM_EMAIL = 'confirm-email';
export const CHANGE_EMAIL = 'change-email';
export type TokenPurpose = typeof RESET_PASSWORD | typeof CONFIRM_EMAIL | typeof CHANGE_EMAIL;
const PURPOSES: readonly TokenPurpose[] = [RESET_PASSWORD, CONFIRM_EMAIL, CHANGE_EMAIL];

/** How long each kind of link works; emails and pages say so, from here. */
export const LINK_LIFETIME_MINUTES: Record<TokenPurpose, number> = {
  [RESET_PASSWORD]: 10,
  // Long enough for mail read the next day, or after a weekend's greylisting.
  [CONFIRM_EMAIL]: 48 * 60,
  [CHANGE_EMAIL]: 48 * 60,
};
export const RESET_LINK_LIFETIME_MINUTES = LINK_LIFETIME_MINUTES[RESET_PASSWORD];

// Our tokens are about 300 characters; anything far longer is garbage or an attack on the parser.
const MAX_TOKEN_LENGTH = 1024;
const ALGORITHM = 'HS256';

export type TokenClaims = {
  userId: number;
  purpose: TokenPurpose;
  fingerprint: string;
  /** The address an email link confirms (the new one, for a change of address). */
  email: string | null;
  expiresAt: Date;
};

export type TokenCheck = { ok: true; claims: TokenClaims } | { ok: false; reason: 'malformed' | 'expired' | 'invalid' };

function signingKey(secret: string): Uint8Array {
  return new TextEncoder().encode(secret);
}

function fingerprint(label: string, value: string, secret: string): string {
  return createHmac('sha256', secret).update(`${label}\0${value}`).digest('base64url').slice(0, 22);
}

/**
 * A short HMAC of the password hash, carried by sessions: the hash itself never leaves
 * the database, and any password change gives a different fingerprint.
 */
export function passwordFingerprint(passwordHash: string, secret = getConfig().secretKey): string {
  return fingerprint('password-fingerprint', passwordHash, secret);
}

/**
 * Whether the account still has the state the token was bound to (its password hash for
 * a reset, its address for an email link). Changing that state retires the token, so a
 * link works once without the server keeping a list of used ones.
 */
export function fingerprintMatches(claims: TokenClaims, boundTo: string, secret = getConfig().secretKey): boolean {
  return constantTimeEqual(claims.fingerprint, fingerprint(claims.purpose, boundTo, secret));
}

export type TokenInput = {
  userId: number;
  purpose: TokenPurpose;
  /** What the token dies with: the password hash for a reset, the current address for an email link. */
  boundTo: string;
  email?: string;
};

export async function signToken(
  input: TokenInput,
  { secret = getConfig().secretKey, now = Date.now() }: { secret?: string; now?: number } = {},
): Promise<{ token: string; expiresAt: Date }> {
  const issuedAt = Math.floor(now / 1000);
  const expiresAt = issuedAt + LINK_LIFETIME_MINUTES[input.purpose] * 60;
  const token = await new SignJWT({ purpose: input.purpose, fp: fingerprint(input.purpose, input.boundTo, secret), ...(input.email ? { email: input.email } : {}) })
    .setProtectedHeader({ alg: ALGORITHM, typ: 'JWT' })
    .setSubject(String(input.userId))
    .setIssuedAt(issuedAt)
    .setExpirationTime(expiresAt)
    .sign(signingKey(secret));
  return { token, expiresAt: new Date(expiresAt * 1000) };
}

/**
 * Checks signature, algorithm, expiry and purpose; needs no database, so the proxy can
 * call it. It does not know whether the token was already used: see fingerprintMatches.
 */
export async function verifyToken(
  token: string,
  purpose: TokenPurpose,
  { secret = getConfig().secretKey, now = Date.now() } = {},
): Promise<TokenCheck> {
  if (typeof token !== 'string' || token.length === 0 || token.length > MAX_TOKEN_LENGTH) {
    return { ok: false, reason: 'malformed' };
  }
  try {
    const { payload } = await jwtVerify(token, signingKey(secret), {
      algorithms: [ALGORITHM],
      requiredClaims: ['exp', 'sub'],
      currentDate: new Date(now),
    });
    const userId = Number(payload.sub);
    const email = typeof payload.email === 'string' ? payload.email : null;
    if (payload.purpose !== purpose || !PURPOSES.includes(purpose) || !Number.isSafeInteger(userId) || userId <= 0 || typeof payload.fp !== 'string') {
      return { ok: false, reason: 'invalid' };
    }
    if (purpose !== RESET_PASSWORD && !email) return { ok: false, reason: 'invalid' };
    return {
      ok: true,
      claims: { userId, purpose, fingerprint: payload.fp, email, expiresAt: new Date((payload.exp ?? 0) * 1000) },
    };
  } catch (error) {
    if (error instanceof errors.JWTExpired) return { ok: false, reason: 'expired' };
    if (error instanceof errors.JOSEError || error instanceof TypeError) return { ok: false, reason: 'invalid' };
    throw error;
  }
}
