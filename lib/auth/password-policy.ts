import 'server-only';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { PasswordProblem } from '@/lib/validation/fields';

// The 10,000 most used passwords of the Xato corpus, as ranked by zxcvbn-ts (MIT).
// Checked on the server only: the list would triple the weight of every form page.
const COMMON_PASSWORDS_FILE = resolve(process.cwd(), 'lib/auth/common-passwords.txt');
// Shorter names turn up inside too many good passwords to be worth refusing.
const MIN_USERNAME_TO_CHECK = 3;

let common: Set<string> | undefined;

function commonPasswords(): Set<string> {
  common ??= new Set(readFileSync(COMMON_PASSWORDS_FILE, 'utf8').split('\n').filter(Boolean));
  return common;
}

/**
 * Why a new password is refused (NIST SP 800-63B: no blocklisted or context-specific
 * passwords), or null when it is fine. Length is the form schema's to check.
 */
export function passwordProblem(password: string, username: string): PasswordProblem | null {
  const lower = password.toLowerCase();
  if (commonPasswords().has(lower)) return 'common';
  if (username.length >= MIN_USERNAME_TO_CHECK && lower.includes(username.toLowerCase())) return 'contains-username';
  return null;
}
