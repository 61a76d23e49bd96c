import 'server-only';
import { passwordChangedEmail } from '@/emails/password-changed';
import { authenticate } from '@/lib/auth/authenticate';
import { HashingBusy } from '@/lib/auth/hash-slots';
import { passwordProblem } from '@/lib/auth/password-policy';
import { endAllSessions } from '@/lib/auth/sessions';
import { forgetFailedSignIns } from '@/lib/auth/throttling';
import { hashPassword } from '@/lib/auth/passwords';
import { getConfig } from '@/lib/config';
import { replacePasswordHash } from '@/lib/db/users';
import type { User } from '@/lib/db/schema';
import { sendEmail } from '@/lib/mail';
import type { PasswordProblem } from '@/lib/validation/fields';

export type SetPasswordResult = { ok: true; user: User } | { ok: false; reason: 'weak-password'; problem: PasswordProblem } | { ok: false; reason: 'used' | 'busy' };

/**
 * Replaces the password if it passes the policy and the account still has the hash it
 * was read with: of two changes racing, one wins. Every session ends and every link bound
 * to the old hash stops working, and the owner is told, so a change they did not make is
 * noticed.
 */
export async function setPassword(user: User, newPassword: string): Promise<SetPasswordResult> {
  const problem = passwordProblem(newPassword, user.username);
  if (problem) return { ok: false, reason: 'weak-password', problem };
  let newHash: string;
  try {
    newHash = await hashPassword(newPassword);
  } catch (error) {
    if (error instanceof HashingBusy) return { ok: false, reason: 'busy' };
    throw error;
  }
  if (!(await replacePasswordHash(user.id, user.passwordHash, newHash))) return { ok: false, reason: 'used' };
  await endAllSessions(user.id);
  await forgetFailedSignIns(user.username);
  await sendEmail({
    to: user.email,
    ...passwordChangedEmail({ locale: user.locale, username: user.username, changedAt: new Date(), forgotPasswordUrl: `${getConfig().appUrl}/forgot-password` }),
  });
  return { ok: true, user: { ...user, passwordHash: newHash } };
}

export type ChangePasswordResult = SetPasswordResult | { ok: false; reason: 'wrong-password' | 'throttled' };

/** A signed-in change: the current password is checked, and throttled, as a sign-in is. */
export async function changePassword(user: User, currentPassword: string, newPassword: string, ip: string): Promise<ChangePasswordResult> {
  const check = await authenticate(user.username, currentPassword, ip);
  if (!check.ok) return { ok: false, reason: check.reason === 'throttled' ? 'throttled' : 'wrong-password' };
  if (check.user.id !== user.id) return { ok: false, reason: 'wrong-password' };
  return setPassword(check.user, newPassword);
}
