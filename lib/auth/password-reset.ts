import 'server-only';
import { resetPasswordEmail } from '@/emails/reset-password';
import { getConfig } from '@/lib/config';
import { findUserByEmail, findUserById, replacePasswordHash } from '@/lib/db/users';
import type { User } from '@/lib/db/schema';
import { sendEmail } from '@/lib/mail';
import { hashPassword } from '@/lib/passwords';
import { fingerprintMatches, RESET_PASSWORD, signToken, verifyToken } from '@/lib/tokens';

/**
 * Mails a reset link if the address belongs to an account. The caller answers the
 * same either way, so the form cannot be used to learn who has an account.
 */
export async function requestPasswordReset(email: string): Promise<void> {
  const user = findUserByEmail(email);
  if (!user) return;
  const { token, expiresAt } = await signToken({ userId: user.id, purpose: RESET_PASSWORD, passwordHash: user.passwordHash });
  // Built from APP_URL alone: a forged Host header must never choose where the link points.
  const resetUrl = `${getConfig().appUrl}/reset/${token}`;
  sendEmail({ to: user.email, ...resetPasswordEmail({ username: user.username, resetUrl }), expiresAt });
}

export type ResetLinkFailure = 'malformed' | 'expired' | 'invalid' | 'used';
export type ResetLinkCheck = { ok: true; user: User } | { ok: false; reason: ResetLinkFailure };

/** Full check of a reset link: signature, expiry, purpose, and that it has not been used. Changes nothing. */
export async function checkResetLink(token: string): Promise<ResetLinkCheck> {
  const check = await verifyToken(token, RESET_PASSWORD);
  if (!check.ok) return check;
  const user = findUserById(check.claims.userId);
  if (!user) return { ok: false, reason: 'invalid' };
  if (!fingerprintMatches(check.claims, user.passwordHash)) return { ok: false, reason: 'used' };
  return { ok: true, user };
}

/** Sets the new password if the link is still good; of two submits racing on one link, one wins. */
export async function resetPassword(token: string, newPassword: string): Promise<ResetLinkCheck> {
  const check = await checkResetLink(token);
  if (!check.ok) return check;
  const newHash = await hashPassword(newPassword);
  if (!replacePasswordHash(check.user.id, check.user.passwordHash, newHash)) return { ok: false, reason: 'used' };
  return { ok: true, user: { ...check.user, passwordHash: newHash } };
}
