import 'server-only';
import { signupAttemptEmail } from '@/emails/signup-attempt';
import { mailConfirmationLink } from '@/lib/auth/email-links';
import { HashingBusy } from '@/lib/auth/hash-slots';
import { passwordProblem } from '@/lib/auth/password-policy';
import { hashPassword } from '@/lib/auth/passwords';
import { maySignUp } from '@/lib/auth/throttling';
import { withinTimeBudget } from '@/lib/auth/time-budget';
import type { Locale } from '@/i18n/locales';
import { getConfig } from '@/lib/config';
import { createUser, findUserByEmail, findUserByUsername } from '@/lib/db/users';
import type { User } from '@/lib/db/schema';
import { sendEmail } from '@/lib/mail';
import type { PasswordProblem } from '@/lib/validation/fields';

/**
 * Every sign-up that gets past the form takes at least this long (a password hash is most
 * of it), so an address that already has an account answers no sooner than a new one.
 */
const REGISTRATION_BUDGET_MS = 500;

export type Registration =
  | { ok: true; created: User | null }
  | { ok: false; reason: 'weak-password'; problem: PasswordProblem }
  | { ok: false; reason: 'username-taken' | 'throttled' | 'busy' };

/**
 * Creates an account and mails its confirmation link. Usernames are public, so a taken
 * one is refused; addresses are private, so a taken one gets the answer a new sign-up
 * gets (`created: null`) and its owner is told instead. Everything cheap is checked
 * before the password is hashed, and the hash waits for a slot (see hash-slots.ts), so
 * a flood of sign-ups costs little and cannot hold much memory.
 */
export async function registerUser(input: { username: string; email: string; password: string; locale?: Locale }, ip: string): Promise<Registration> {
  if (!(await maySignUp(ip))) return { ok: false, reason: 'throttled' };
  const problem = passwordProblem(input.password, input.username);
  if (problem) return { ok: false, reason: 'weak-password', problem };
  if (await findUserByUsername(input.username)) return { ok: false, reason: 'username-taken' };
  return withinTimeBudget(REGISTRATION_BUDGET_MS, async (): Promise<Registration> => {
    let passwordHash: string;
    try {
      passwordHash = await hashPassword(input.password);
    } catch (error) {
      if (error instanceof HashingBusy) return { ok: false, reason: 'busy' };
      throw error;
    }
    const result = await createUser({ username: input.username, email: input.email, passwordHash, locale: input.locale });
    if (result.ok) {
      await mailConfirmationLink(result.user);
      return { ok: true, created: result.user };
    }
    if (result.taken === 'username') return { ok: false, reason: 'username-taken' };
    const owner = await findUserByEmail(input.email);
    if (owner) await sendEmail({ to: owner.email, ...signupAttemptEmail({ locale: owner.locale, username: owner.username, forgotPasswordUrl: `${getConfig().appUrl}/forgot-password` }) });
    return { ok: true, created: null };
  });
}
