import 'server-only';
import { createHmac, timingSafeEqual } from 'node:crypto';
import { errors, jwtVerify, SignJWT } from 'jose';
import { getConfig } from '@/lib/config';

export const RESET_PASSWORD = 'reset-password';
export type TokenPurpose = typeof RESET_PASSWORD;

/** How long a reset link works; the email and the expired-link page say so, from here. */
export const RESET_LINK_LIFETIME_MINUTES = 10;
const RESET_TOKEN_TTL_SECONDS = RESET_LINK_LIFETIME_MINUTES * 60;

// Our tokens are about 250 characters; anything far longer is garbage or an attack on the parser.
const MAX_TOKEN_LENGTH = 1024;
const ALGORITHM = 'HS256';

export type TokenClaims = { userId: number; purpose: TokenPurpose; fingerprint: string; expiresAt: Date };

export type TokenCheck = { ok: true; claims: TokenClaims } | { ok: false; reason: 'malformed' | 'expired' | 'invalid' };

function signingKey(secret: string): Uint8Array {
  return new TextEncoder().encode(secret);
}

/**
 * A short HMAC of the password hash: the hash itself never leaves the database,
 * and any password change gives a different fingerprint, which retires old tokens.
 */
export function passwordFingerprint(passwordHash: string, secret = getConfig().secretKey): string {
  return createHmac('sha256', secret).update(`password-fingerprint\0${passwordHash}`).digest('base64url').slice(0, 22);
}

export function fingerprintMatches(claims: TokenClaims, passwordHash: string, secret = getConfig().secretKey): boolean {
  const expected = Buffer.from(passwordFingerprint(passwordHash, secret));
  const actual = Buffer.from(claims.fingerprint);
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

export async function signToken(
  input: { userId: number; purpose: TokenPurpose; passwordHash: string },
  { secret = getConfig().secretKey, ttlSeconds = RESET_TOKEN_TTL_SECONDS, now = Date.now() } = {},
): Promise<{ token: string; expiresAt: Date }> {
  const issuedAt = Math.floor(now / 1000);
  const expiresAt = issuedAt + ttlSeconds;
  const token = await new SignJWT({ purpose: input.purpose, fp: passwordFingerprint(input.passwordHash, secret) })
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
    if (payload.purpose !== purpose || !Number.isSafeInteger(userId) || userId <= 0 || typeof payload.fp !== 'string') {
      return { ok: false, reason: 'invalid' };
    }
    return {
      ok: true,
      claims: { userId, purpose, fingerprint: payload.fp, expiresAt: new Date((payload.exp ?? 0) * 1000) },
    };
  } catch (error) {
    if (error instanceof errors.JWTExpired) return { ok: false, reason: 'expired' };
    if (error instanceof errors.JOSEError || error instanceof TypeError) return { ok: false, reason: 'invalid' };
    throw error;
  }
}
