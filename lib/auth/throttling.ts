import 'server-only';
import { claimAttempt, clearThrottle, countHit, forgiveAttempt, type AttemptPolicy } from '@/lib/db/throttle';

const MINUTE_MS = 60_000;
const RESET_WINDOW_MS = 15 * MINUTE_MS;
export const RESET_MAILS_PER_ADDRESS = 3;
export const RESET_REQUESTS_PER_IP = 20;

const SIGN_IN_PER_ACCOUNT: AttemptPolicy = { free: 5, baseDelayMs: 30_000, maxDelayMs: 15 * MINUTE_MS, forgetAfterMs: 15 * MINUTE_MS };
// Wider than per account: many people may share one address behind a NAT.
const SIGN_IN_PER_IP: AttemptPolicy = { free: 20, baseDelayMs: 30_000, maxDelayMs: 15 * MINUTE_MS, forgetAfterMs: 15 * MINUTE_MS };

/**
 * Whether a reset request may send mail. Both counters move on every request, whether
 * or not the address has an account, so the work done does not tell which it was.
 */
export function mayRequestReset(email: string, ip: string, now = Date.now()): boolean {
  const perAddress = countHit(`reset:email:${email.toLowerCase()}`, RESET_WINDOW_MS, now);
  const perIp = countHit(`reset:ip:${ip}`, RESET_WINDOW_MS, now);
  return perAddress <= RESET_MAILS_PER_ADDRESS && perIp <= RESET_REQUESTS_PER_IP;
}

/**
 * Whose attempts on an account are counted together: a browser that signed in to it
 * before (its device cookie) has a count of its own; everyone else shares the account's.
 */
const accountCounter = (username: string, deviceId: string | null) =>
  deviceId ? `signin:device:${deviceId}` : `signin:user:${username.toLowerCase()}`;

/**
 * Takes a sign-in attempt, or refuses it while the account (as seen from this device, or
 * from untrusted ones) or the address must wait. Past a few free tries each attempt
 * waits twice as long as the one before.
 */
export function maySignIn(username: string, ip: string, deviceId: string | null = null, now = Date.now()): boolean {
  return claimAttempt(`signin:ip:${ip}`, SIGN_IN_PER_IP, now) && claimAttempt(accountCounter(username, deviceId), SIGN_IN_PER_ACCOUNT, now);
}

/** A success clears its own count only: a trusted device signing in must not reset the guessers' wait. */
export function noteSignedIn(username: string, ip: string, deviceId: string | null = null): void {
  clearThrottle(accountCounter(username, deviceId));
  forgiveAttempt(`signin:ip:${ip}`);
}

/** A new password makes every earlier guess moot: the account's untrusted count starts again. */
export function forgetFailedSignIns(username: string): void {
  clearThrottle(accountCounter(username, null));
}

/**
 * Whether an email link (a confirmation, a change of address) may be mailed to `email`:
 * as many as reset mails, so neither form can flood a mailbox.
 */
export function mayMailEmailLink(email: string, ip: string, now = Date.now()): boolean {
  const perAddress = countHit(`email-link:email:${email.toLowerCase()}`, RESET_WINDOW_MS, now);
  const perIp = countHit(`email-link:ip:${ip}`, RESET_WINDOW_MS, now);
  return perAddress <= RESET_MAILS_PER_ADDRESS && perIp <= RESET_REQUESTS_PER_IP;
}

const SIGN_UP_WINDOW_MS = 60 * MINUTE_MS;
// A household or office signs up a few people an hour; a script, hundreds.
export const SIGN_UPS_PER_IP = 20;

/** Whether a client address may sign up once more this hour. */
export function maySignUp(ip: string, now = Date.now()): boolean {
  return countHit(`signup:ip:${ip}`, SIGN_UP_WINDOW_MS, now) <= SIGN_UPS_PER_IP;
}
