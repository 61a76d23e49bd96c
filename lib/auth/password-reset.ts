import 'server-only';
import { resetPasswordEmail } from '@/emails/reset-password';
import { setPassword, type SetPasswordResult } from '@/lib/auth/password-change';
import { mayRequestReset } from '@/lib/auth/throttling';
import { withinTimeBudget } from '@/lib/auth/time-budget';
import { getConfig } from '@/lib/config';
import { findUserByEmail, findUserById } from '@/lib/db/users';
import type { User } from '@/lib/db/schema';
import { sendEmail } from '@/lib/mail';
import { fingerprintMatches, RESET_LINK_LIFETIME_MINUTES, RESET_PASSWORD, signToken, verifyToken } from '@/lib/tokens';

/** Every reset request takes at least this long, so a known address (which writes a message to the outbox) answers no later than an unknown or throttled one. */
const RESET_REQUEST_BUDGET_MS = 25;

/**
 * Mails a reset link if the address belongs to an account and neither it nor the
 * client has asked too often. The caller answers the same in every case, so the form
 * cannot be used to learn who has an account or to flood a mailbox.
 */
export async function requestPasswordReset(email: string, ip: string): Promise<void> {
  await withinTimeBudget(RESET_REQUEST_BUDGET_MS, async () => {
    const allowed = await mayRequestReset(email, ip);
    const user = await findUserByEmail(email);
    if (user && allowed) await mailResetLink(user);
  });
}

async function mailResetLink(user: User): Promise<void> {
  const { token, expiresAt } = await signToken({ userId: user.id, purpose: RESET_PASSWORD, boundTo: user.passwordHash });
  // Built from APP_URL alone: a forged Host header must never choose where the link points.
  const resetUrl = `${getConfig().appUrl}/reset/${token}`;
  await sendEmail({ to: user.email, ...resetPasswordEmail({ locale: user.locale, username: user.username, resetUrl, lifetimeMinutes: RESET_LINK_LIFETIME_MINUTES }), expiresAt });
}

export type ResetLinkFailure = 'malformed' | 'expired' | 'invalid' | 'used';
export type ResetLinkCheck = { ok: true; user: User } | { ok: false; reason: ResetLinkFailure };

/** Full check of a reset link: signature, expiry, purpose, and that it has not been used. Changes nothing. */
export async function checkResetLink(token: string): Promise<ResetLinkCheck> {
  const check = await verifyToken(token, RESET_PASSWORD);
  if (!check.ok) return check;
  const user = await findUserById(check.claims.userId);
  if (!user) return { ok: false, reason: 'invalid' };
  if (!fingerprintMatches(check.claims, user.passwordHash)) return { ok: false, reason: 'used' };
  return { ok: true, user };
}

export type ResetResult = ResetLinkCheck | SetPasswordResult;

/**
 * Sets the new password if the link is still good and the password passes the policy;
 * of two submits racing on one link, one wins. A refused password leaves the link usable.
 */
export async function resetPassword(token: string, newPassword: string): Promise<ResetResult> {
  const check = await checkResetLink(token);
  if (!check.ok) return check;
  return setPassword(check.user, newPassword);
}
