// zod/mini: these schemas ship to the browser with every form, and its functional checks
// tree-shake to a fifth of classic zod's size.
import * as z from 'zod/mini';

const PASSWORD_MIN = 8;
const PASSWORD_MAX = 128;

// Control characters have no place in a name, address or password, and CR/LF in one could
// split a mail header. U+FFFD is what bytes that were not UTF-8 decode to: what was sent is lost.
const NO_CONTROL_CHARACTERS = /^[^\p{Cc}\uFFFD]*$/u;
// Free text keeps its line breaks and tabs, and nothing else of the kind.
const PLAIN_TEXT = /^(?:[\t\n\r]|[^\p{Cc}\uFFFD])*$/u;

/** Free text such as a post or an about-me, trimmed, at most `max` characters. */
export function plainTextField(label: string, max: number) {
  return z
    .string()
    .check(z.trim(), z.maxLength(max, `${label} is at most ${max} characters.`), z.regex(PLAIN_TEXT, `${label} cannot contain control characters.`));
}

// The scripts a name's letters are told apart by. Japanese writes one name in Han, Hiragana and
// Katakana, Korean in Hangul and Han: those mixes are one writing system, not a disguise.
const SCRIPTS = ['Latin', 'Cyrillic', 'Greek', 'Armenian', 'Georgian', 'Hebrew', 'Arabic', 'Devanagari', 'Bengali', 'Tamil', 'Thai', 'Hangul', 'Han', 'Hiragana', 'Katakana'];
const SCRIPT_PATTERNS = SCRIPTS.map((script) => [script, new RegExp(`\\p{Script=${script}}`, 'u')] as const);
const WRITING_SYSTEMS = [new Set(['Han', 'Hiragana', 'Katakana']), new Set(['Hangul', 'Han'])];

/**
 * Whether every letter of a name comes from one writing system, so that `аdmin` (with
 * a Cyrillic а) cannot pass for `admin`. Digits and `._-` belong to every script.
 */
export function isSingleScript(name: string): boolean {
  const used = new Set<string>();
  for (const char of name) {
    if (!/\p{L}/u.test(char)) continue;
    used.add(SCRIPT_PATTERNS.find(([, pattern]) => pattern.test(char))?.[0] ?? 'Other');
  }
  return used.size <= 1 || WRITING_SYSTEMS.some((system) => [...used].every((script) => system.has(script)));
}

/**
 * Names are compared after NFKC, so full-width `ａｄｍｉｎ` is `admin` (and taken if that
 * is), and refused when they mix scripts.
 */
export const usernameField = z
  .string()
  .check(
    z.trim(),
    z.normalize('NFKC'),
    z.minLength(1, 'Please enter a username.'),
    z.maxLength(64, 'Username must be at most 64 characters.'),
    z.regex(/^[\p{L}\p{N}._-]+$/u, 'Use letters, digits, dots, dashes and underscores only.'),
    z.refine(isSingleScript, 'Use the letters of one alphabet only.'),
  );

export const emailField = z.pipe(
  z
    .string()
    .check(
      z.trim(),
      z.minLength(1, 'Please enter your email address.'),
      z.maxLength(254, 'Email must be at most 254 characters.'),
      z.regex(NO_CONTROL_CHARACTERS, 'Please enter a valid email address.'),
    ),
  z.email('Please enter a valid email address.').check(z.toLowerCase()),
);

/**
 * NIST SP 800-63B's "repetitive or sequential characters": a short pattern repeated
 * (`aaaaaaaa`, `abababab`), or at most two runs that each step by one or stay put
 * (`12345678`, `1234abcd`, `abcd4321`).
 */
export function isRepetitiveOrSequential(password: string): boolean {
  const chars = [...password.toLowerCase()].map((char) => char.codePointAt(0) ?? 0);
  for (let size = 1; size <= 3; size++) {
    if (chars.length >= size * 2 && chars.every((code, index) => code === chars[index % size])) return true;
  }
  let runs = 1;
  let step: number | null = null;
  for (let index = 1; index < chars.length; index++) {
    const difference = (chars[index] ?? 0) - (chars[index - 1] ?? 0);
    if (Math.abs(difference) <= 1 && (step === null || difference === step)) step = difference;
    else if (++runs > 2) return false;
    else step = null;
  }
  return true;
}

/** The rules a new password follows, shown before anyone breaks one. */
export const PASSWORD_RULES = `At least ${PASSWORD_MIN} characters. Not one of the most common passwords, not your username, and not a run such as aaaaaaaa or 1234abcd.`;

export const newPasswordField = z
  .string()
  .check(
    z.minLength(PASSWORD_MIN, `Password must be at least ${PASSWORD_MIN} characters.`),
    z.maxLength(PASSWORD_MAX, `Password must be at most ${PASSWORD_MAX} characters.`),
    z.regex(NO_CONTROL_CHARACTERS, 'Password cannot contain control characters.'),
    z.refine((password) => !isRepetitiveOrSequential(password), 'Avoid repeated or sequential characters such as aaaaaaaa or 1234abcd.'),
  );

/** Sign-in checks no policy: an old password that predates a rule must still work. */
export const currentPasswordField = z
  .string()
  .check(z.minLength(1, 'Please enter your password.'), z.maxLength(PASSWORD_MAX, `Password must be at most ${PASSWORD_MAX} characters.`));

export const repeatField = z.string().check(z.minLength(1, 'Please repeat the password.'));

/** The words for each reason the server's password policy gives (lib/auth/password-policy.ts). */
export const PASSWORD_PROBLEMS = {
  common: 'This password is one of the most common ones. Please choose another.',
  'contains-username': 'Your password must not contain your username.',
} as const;
export type PasswordProblem = keyof typeof PASSWORD_PROBLEMS;

/** When the server has more password hashing waiting than it takes on. */
export const BUSY = 'The server is busy. Please try again in a moment.';

const REPEAT_MISMATCH = 'Passwords do not match.';

/** A new password and its repetition; a mismatch is reported beside the repetition. */
export const passwordsMatch = z.refine<{ password: string; password2: string }>((form) => form.password === form.password2, {
  path: ['password2'],
  message: REPEAT_MISMATCH,
});
