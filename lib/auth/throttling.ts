import 'server-only';
import { setImmediate as yieldToRequests } from 'node:timers/promises';
import { claimAttempt, clearThrottle, deleteIdleThrottles, forgiveAttempt, takeHit, type AttemptPolicy } from '@/lib/db/throttle';

const MINUTE_MS = 60_000;
const RESET_WINDOW_MS = 15 * MINUTE_MS;
const RESET_MAILS_PER_ADDRESS = 3;
const RESET_REQUESTS_PER_IP = 20;

const SIGN_IN_PER_ACCOUNT: AttemptPolicy = { free: 5, baseDelayMs: 30_000, maxDelayMs: 15 * MINUTE_MS, forgetAfterMs: 15 * MINUTE_MS };
// Wider than per account: many people may share one address behind a NAT.
const SIGN_IN_PER_IP: AttemptPolicy = { free: 20, baseDelayMs: 30_000, maxDelayMs: 15 * MINUTE_MS, forgetAfterMs: 15 * MINUTE_MS };

/**
 * Whether a reset request may send mail. The counters move whether or not the address
 * has an account, so the work done does not tell which it was. The client is counted
 * first: one past its limit writes nothing more, and cannot use up an address's few mails.
 */
export async function mayRequestReset(email: string, ip: string, now = Date.now()): Promise<boolean> {
  return (
    (await takeHit(`reset:ip:${ip}`, RESET_REQUESTS_PER_IP, RESET_WINDOW_MS, now)) &&
    (await takeHit(`reset:email:${email.toLowerCase()}`, RESET_MAILS_PER_ADDRESS, RESET_WINDOW_MS, now))
  );
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
export async function maySignIn(username: string, ip: string, deviceId: string | null = null, now = Date.now()): Promise<boolean> {
  return (await claimAttempt(`signin:ip:${ip}`, SIGN_IN_PER_IP, now)) && (await claimAttempt(accountCounter(username, deviceId), SIGN_IN_PER_ACCOUNT, now));
}

/** A success clears its own count only: a trusted device signing in must not reset the guessers' wait. */
export async function noteSignedIn(username: string, ip: string, deviceId: string | null = null): Promise<void> {
  await clearThrottle(accountCounter(username, deviceId));
  await forgiveAttempt(`signin:ip:${ip}`);
}

/** A new password makes every earlier guess moot: the account's untrusted count starts again. */
export async function forgetFailedSignIns(username: string): Promise<void> {
  await clearThrottle(accountCounter(username, null));
}

/**
 * Whether an email link (a confirmation, a change of address) may be mailed to `email`:
 * as many as reset mails, so neither form can flood a mailbox. Counted as reset
 * requests are: the client first, and a throttled request writes nothing.
 */
export async function mayMailEmailLink(email: string, ip: string, now = Date.now()): Promise<boolean> {
  return (
    (await takeHit(`email-link:ip:${ip}`, RESET_REQUESTS_PER_IP, RESET_WINDOW_MS, now)) &&
    (await takeHit(`email-link:email:${email.toLowerCase()}`, RESET_MAILS_PER_ADDRESS, RESET_WINDOW_MS, now))
  );
}

const SIGN_UP_WINDOW_MS = 60 * MINUTE_MS;
// A household or office signs up a few people an hour; a script, hundreds.
const SIGN_UPS_PER_IP = 20;

/** Whether a client address may sign up once more this hour. */
export async function maySignUp(ip: string, now = Date.now()): Promise<boolean> {
  return takeHit(`signup:ip:${ip}`, SIGN_UPS_PER_IP, SIGN_UP_WINDOW_MS, now);
}

/**
 * How long each family of counters can matter: past this much quiet time a counter has
 * started afresh, and its row can go. The last entry catches any other family.
 */
const COUNTER_MEMORY: [keyPrefix: string, memoryMs: number][] = [
  ['reset:', RESET_WINDOW_MS],
  ['email-link:', RESET_WINDOW_MS],
  ['signin:', Math.max(SIGN_IN_PER_ACCOUNT.forgetAfterMs, SIGN_IN_PER_IP.forgetAfterMs)],
  ['', Math.max(RESET_WINDOW_MS, SIGN_UP_WINDOW_MS, SIGN_IN_PER_ACCOUNT.forgetAfterMs, SIGN_IN_PER_IP.forgetAfterMs)],
];

/**
 * Deletes counters that no longer hold anything back, at most `maxBatches` batches with
 * requests let in between, so one clean-up after a flood never holds the database for
 * long. Returns how many went; what is left waits for the next run.
 */
export async function forgetExpiredThrottles({ now = Date.now(), batchSize = 1_000, maxBatches = 10 } = {}): Promise<number> {
  let forgotten = 0;
  let batches = 0;
  for (const [keyPrefix, memoryMs] of COUNTER_MEMORY) {
    while (batches < maxBatches) {
      batches += 1;
      const deleted = await deleteIdleThrottles(keyPrefix, now - memoryMs, batchSize);
      forgotten += deleted;
      if (deleted < batchSize) break;
      await yieldToRequests();
    }
  }
  return forgotten;
}
