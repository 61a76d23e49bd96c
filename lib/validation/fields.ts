// zod/mini: these schemas go to the browser (once a form's field is first used), and its
// functional checks tree-shake to a fifth of classic zod's size.
import * as z from 'zod/mini';
import type { FieldErrorKey } from '@/i18n/messages';
import { FIELD_LIMITS } from './limits';

const { passwordMin: PASSWORD_MIN, passwordMax: PASSWORD_MAX, usernameMax: USERNAME_MAX, emailMax: EMAIL_MAX } = FIELD_LIMITS;

/**
 * A message key of messages/*.json's `fieldErrors`, not words: these schemas run in the
 * browser too, and each form is sent only its own language's words for the keys.
 */
const message = (key: FieldErrorKey) => key;

// Control characters have no place in a name, address or password, and CR/LF in one could
// split a mail header. U+FFFD is what bytes that were not UTF-8 decode to: what was sent is lost.
const NO_CONTROL_CHARACTERS = /^[^\p{Cc}\uFFFD]*$/u;
// Free text keeps its line breaks and tabs, and nothing else of the kind.
const PLAIN_TEXT = /^(?:[\t\n\r]|[^\p{Cc}\uFFFD])*$/u;

/** Free text such as a post or an about-me, trimmed, at most `max` characters; `messages` say which text it is. */
export function plainTextField(messages: { tooLong: FieldErrorKey; controlCharacters: FieldErrorKey }, max: number) {
  return z.string().check(z.trim(), z.maxLength(max, message(messages.tooLong)), z.regex(PLAIN_TEXT, message(messages.controlCharacters)));
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
function isSingleScript(name: string): boolean {
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
    z.minLength(1, message('usernameRequired')),
    z.maxLength(USERNAME_MAX, message('usernameTooLong')),
    z.regex(/^[\p{L}\p{N}._-]+$/u, message('usernameCharacters')),
    z.refine(isSingleScript, message('usernameOneScript')),
  );

export const emailField = z.pipe(
  z
    .string()
    .check(
      z.trim(),
      z.minLength(1, message('emailRequired')),
      z.maxLength(EMAIL_MAX, message('emailTooLong')),
      z.regex(NO_CONTROL_CHARACTERS, message('emailInvalid')),
    ),
  z.email(message('emailInvalid')).check(z.toLowerCase()),
);

/**
 * NIST SP 800-63B's "repetitive or sequential characters": a short pattern repeated
 * (`aaaaaaaa`, `abababab`), or at most two runs that each step by one or stay put
 * (`12345678`, `1234abcd`, `abcd4321`).
 */
function isRepetitiveOrSequential(password: string): boolean {
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

export const newPasswordField = z
  .string()
  .check(
    z.minLength(PASSWORD_MIN, message('passwordTooShort')),
    z.maxLength(PASSWORD_MAX, message('passwordTooLong')),
    z.regex(NO_CONTROL_CHARACTERS, message('passwordControlCharacters')),
    z.refine((password) => !isRepetitiveOrSequential(password), message('passwordRepetitive')),
  );

/** Sign-in checks no policy: an old password that predates a rule must still work. */
export const currentPasswordField = z
  .string()
  .check(z.minLength(1, message('passwordRequired')), z.maxLength(PASSWORD_MAX, message('passwordTooLong')));

export const repeatField = z.string().check(z.minLength(1, message('repeatRequired')));

/** The message (in messages/*.json's `actionErrors`) for each reason the server's password policy gives (lib/auth/password-policy.ts). */
export const PASSWORD_PROBLEMS = {
  common: 'passwordCommon',
  'contains-username': 'passwordContainsUsername',
} as const;
export type PasswordProblem = keyof typeof PASSWORD_PROBLEMS;

/** A new password and its repetition; a mismatch is reported beside the repetition. */
export const passwordsMatch = z.refine<{ password: string; password2: string }>((form) => form.password === form.password2, {
  path: ['password2'],
  message: message('passwordsDiffer'),
});
