import { z } from 'zod';

export const PASSWORD_MIN = 8;
export const PASSWORD_MAX = 128;

// Control characters have no place in a name, address or password, and CR/LF in one could
// split a mail header. U+FFFD is what bytes that were not UTF-8 decode to: what was sent is lost.
const NO_CONTROL_CHARACTERS = /^[^\p{Cc}\uFFFD]*$/u;
// Free text keeps its line breaks and tabs, and nothing else of the kind.
const PLAIN_TEXT = /^(?:[\t\n\r]|[^\p{Cc}\uFFFD])*$/u;

/** Free text such as a post or an about-me, trimmed, at most `max` characters. */
export function plainTextField(label: string, max: number) {
  return z
    .string()
    .trim()
    .max(max, `${label} is at most ${max} characters.`)
    .regex(PLAIN_TEXT, `${label} cannot contain control characters.`);
}

export const usernameField = z
  .string()
  .trim()
  .min(1, 'Please enter a username.')
  .max(64, 'Username must be at most 64 characters.')
  .regex(/^[\p{L}\p{N}._-]+$/u, 'Use letters, digits, dots, dashes and underscores only.');

export const emailField = z
  .string()
  .trim()
  .min(1, 'Please enter your email address.')
  .max(254, 'Email must be at most 254 characters.')
  .regex(NO_CONTROL_CHARACTERS, 'Please enter a valid email address.')
  .pipe(z.email('Please enter a valid email address.'))
  .transform((email) => email.toLowerCase());

export const newPasswordField = z
  .string()
  .min(PASSWORD_MIN, `Password must be at least ${PASSWORD_MIN} characters.`)
  .max(PASSWORD_MAX, `Password must be at most ${PASSWORD_MAX} characters.`)
  .regex(NO_CONTROL_CHARACTERS, 'Password cannot contain control characters.');

/** Sign-in checks no policy: an old password that predates a rule must still work. */
export const currentPasswordField = z
  .string()
  .min(1, 'Please enter your password.')
  .max(PASSWORD_MAX, `Password must be at most ${PASSWORD_MAX} characters.`);

export const REPEAT_MISMATCH = 'Passwords do not match.';
