import * as z from 'zod/mini';
import type { FieldErrorKey } from '@/i18n/messages';
import { currentPasswordField, emailField, newPasswordField, passwordsMatch, repeatField, usernameField } from './fields';
import { FIELD_LIMITS } from './limits';

const usernameRequired: FieldErrorKey = 'loginUsernameRequired';
const usernameTooLong: FieldErrorKey = 'usernameTooLong';

export const loginSchema = z.object({
  // Normalised as at sign-up, so a name typed in full-width letters finds its account.
  username: z.string().check(z.trim(), z.normalize('NFKC'), z.minLength(1, usernameRequired), z.maxLength(FIELD_LIMITS.usernameMax, usernameTooLong)),
  password: currentPasswordField,
  // A ticked checkbox is posted with some value ("on" unless told otherwise), an unticked one
  // not at all. Any value means ticked, as in HTML; a boolean, as code may pass, is taken as it is.
  remember: z.pipe(
    z.optional(z.unknown()),
    z.transform((value) => value !== undefined && value !== false && value !== ''),
  ),
});

export const registerSchema = z
  .object({
    username: usernameField,
    email: emailField,
    password: newPasswordField,
    password2: repeatField,
  })
  .check(passwordsMatch);

export const forgotPasswordSchema = z.object({ email: emailField });

export const resetPasswordSchema = z
  .object({
    password: newPasswordField,
    password2: repeatField,
  })
  .check(passwordsMatch);
