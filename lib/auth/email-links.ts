import 'server-only';
import { confirmEmail } from '@/emails/confirm-email';
import { confirmNewEmail } from '@/emails/confirm-new-email';
import { emailChangeRequested } from '@/emails/email-change-requested';
import { authenticate } from '@/lib/auth/authenticate';
import { mayMailEmailLink } from '@/lib/auth/throttling';
import { getConfig } from '@/lib/config';
import { changeEmailAddress, confirmEmailAddress, findUserById } from '@/lib/db/users';
import type { User } from '@/lib/db/schema';
import { sendEmail } from '@/lib/mail';
import { CHANGE_EMAIL, CONFIRM_EMAIL, fingerprintMatches, LINK_LIFETIME_MINUTES, signToken, verifyToken, type TokenPurpose } from '@/lib/tokens';

const lifetimeHours = (purpose: TokenPurpose) => LINK_LIFETIME_MINUTES[purpose] / 60;

// Addresses match case-insensitively (as the unique index does), so a link is bound to the lower-cased one.
const addressKey = (email: string) => email.toLowerCase();

// Built from APP_URL alone: a forged Host header must never choose where a link points.
const confirmUrl = (token: string) => `${getConfig().appUrl}/confirm/${token}`;

/** Mails the account's address a link that confirms it belongs to the account's owner. */
export async function mailConfirmationLink(user: User): Promise<void> {
  const { token, expiresAt } = await signToken({ userId: user.id, purpose: CONFIRM_EMAIL, boundTo: addressKey(user.email), email: user.email });
  await sendEmail({
    to: user.email,
    ...confirmEmail({ locale: user.locale, username: user.username, confirmUrl: confirmUrl(token), lifetimeHours: lifetimeHours(CONFIRM_EMAIL) }),
    expiresAt,
  });
}

export type ResendOutcome = 'sent' | 'throttled' | 'already-confirmed';

/** The banner's "Resend confirmation email", throttled like reset mail. */
export async function resendConfirmation(user: User, ip: string): Promise<ResendOutcome> {
  if (user.emailConfirmedAt) return 'already-confirmed';
  if (!(await mayMailEmailLink(user.email, ip))) return 'throttled';
  await mailConfirmationLink(user);
  return 'sent';
}

export type EmailChangeRequest = { ok: true } | { ok: false; reason: 'wrong-password' | 'throttled' | 'unchanged' };

/**
 * Asks to move the account to `newEmail`: the link goes to the new address and binds it,
 * and the old address is warned without any link that could approve the change. Nothing
 * changes until the link is followed.
 */
export async function requestEmailChange(user: User, newEmail: string, currentPassword: string, ip: string): Promise<EmailChangeRequest> {
  const check = await authenticate(user.username, currentPassword, ip);
  if (!check.ok) return { ok: false, reason: check.reason === 'throttled' ? 'throttled' : 'wrong-password' };
  if (addressKey(newEmail) === addressKey(check.user.email)) return { ok: false, reason: 'unchanged' };
  if (!(await mayMailEmailLink(newEmail, ip))) return { ok: false, reason: 'throttled' };
  const { token, expiresAt } = await signToken({ userId: user.id, purpose: CHANGE_EMAIL, boundTo: addressKey(check.user.email), email: newEmail });
  await sendEmail({
    to: newEmail,
    ...confirmNewEmail({ locale: check.user.locale, username: user.username, confirmUrl: confirmUrl(token), lifetimeHours: lifetimeHours(CHANGE_EMAIL) }),
    expiresAt,
  });
  await sendEmail({
    to: check.user.email,
    ...emailChangeRequested({ locale: check.user.locale, username: user.username, newEmail, requestedAt: new Date(), forgotPasswordUrl: `${getConfig().appUrl}/forgot-password` }),
  });
  return { ok: true };
}

export type EmailLinkOutcome = { ok: true } | { ok: false; reason: 'invalid' | 'taken' };

/**
 * Follows a confirmation or change-of-address link. Following one again after it did
 * its job answers the same, since mail scanners open links before people do; a link
 * whose account has moved to another address since is no longer good.
 */
export async function followEmailLink(token: string, now = new Date()): Promise<EmailLinkOutcome> {
  const confirmation = await verifyToken(token, CONFIRM_EMAIL);
  const change = confirmation.ok ? confirmation : await verifyToken(token, CHANGE_EMAIL);
  if (!change.ok) return { ok: false, reason: 'invalid' };
  const { claims } = change;
  const user = await findUserById(claims.userId);
  if (!user || !claims.email) return { ok: false, reason: 'invalid' };
  if (claims.purpose === CHANGE_EMAIL && addressKey(user.email) === addressKey(claims.email)) return { ok: true };
  if (!fingerprintMatches(claims, addressKey(user.email))) return { ok: false, reason: 'invalid' };
  if (claims.purpose === CONFIRM_EMAIL) return (await confirmEmailAddress(user.id, claims.email, now)) ? { ok: true } : { ok: false, reason: 'invalid' };
  const moved = await changeEmailAddress(user.id, user.email, claims.email, now);
  if (moved.ok) return { ok: true };
  return { ok: false, reason: moved.reason === 'taken' ? 'taken' : 'invalid' };
}
