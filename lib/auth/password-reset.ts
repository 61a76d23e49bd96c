import 'server-only';
import { setTimeout as sleep } from 'node:timers/promises';
import { passwordChangedEmail } from '@/emails/password-changed';
import { resetPasswordEmail } from '@/emails/reset-password';
import { mayRequestReset } from '@/lib/auth/throttling';
import { getConfig } from '@/lib/config';
import { findUserByEmail, findUserById, replacePasswordHash } from '@/lib/db/users';
import type { User } from '@/lib/db/schema';
import { sendEmail } from '@/lib/mail';
import { passwordProblem } from '@/lib/auth/password-policy';
import { hashPassword } from '@/lib/auth/passwords';
import { fingerprintMatches, RESET_LINK_LIFETIME_MINUTES, RESET_PASSWORD, signToken, verifyToken } from '@/lib/tokens';
import type { PasswordProblem } from '@/lib/validation/fields';

/**
 * Every reset request takes at least this long, so a known address (which writes a
 * message to the outbox) answers no later than an unknown or throttled one. Random
 * delays would average out; a fixed budget leaves nothing to average.
 */
const RESET_REQUEST_BUDGET_MS = 25;

/**
 * Mails a reset link if the address belongs to an account and neither it nor the
 * client has asked too often. The caller answers the same in every case, so the form
 * cannot be used to learn who has an account or to flood a mailbox.
 */
export async function requestPasswordReset(email: string, ip: string): Promise<void> {
  const started = performance.now();
  const allowed = mayRequestReset(email, ip);
  const user = findUserByEmail(email);
  if (user && allowed) await mailResetLink(user);
  const left = RESET_REQUEST_BUDGET_MS - (performance.now() - started);
  if (left > 0) await sleep(left);
}

async function mailResetLink(user: User): Promise<void> {
  const { token, expiresAt } = await signToken({ userId: user.id, purpose: RESET_PASSWORD, passwordHash: user.passwordHash });
  // Built from APP_URL alone: a forged Host header must never choose where the link points.
  const resetUrl = `${getConfig().appUrl}/reset/${token}`;
  sendEmail({ to: user.email, ...resetPasswordEmail({ username: user.username, resetUrl, lifetimeMinutes: RESET_LINK_LIFETIME_MINUTES }), expiresAt });
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

export type ResetResult = ResetLinkCheck | { ok: false; reason: 'weak-password'; problem: PasswordProblem };

/**
 * Sets the new password if the link is still good and the password passes the policy;
 * of two submits racing on one link, one wins. A refused password leaves the link usable.
 */
export async function resetPassword(token: string, newPassword: string): Promise<ResetResult> {
  const check = await checkResetLink(token);
  if (!check.ok) return check;
  const problem = passwordProblem(newPassword, check.user.username);
  if (problem) return { ok: false, reason: 'weak-password', problem };
  const newHash = await hashPassword(newPassword);
  if (!replacePasswordHash(check.user.id, check.user.passwordHash, newHash)) return { ok: false, reason: 'used' };
  // So a reset the owner did not make does not go unnoticed.
  sendEmail({
    to: check.user.email,
    ...passwordChangedEmail({ username: check.user.username, changedAt: new Date(), forgotPasswordUrl: `${getConfig().appUrl}/forgot-password` }),
  });
  return { ok: true, user: { ...check.user, passwordHash: newHash } };
}
