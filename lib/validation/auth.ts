import { z } from 'zod';
import { currentPasswordField, emailField, newPasswordField, REPEAT_MISMATCH, usernameField } from './fields';

export const loginSchema = z.object({
  username: z.string().trim().min(1, 'Please enter your username.').max(64, 'Username must be at most 64 characters.'),
  password: currentPasswordField,
  // A ticked checkbox is posted with some value ("on" unless told otherwise), an unticked one
  // not at all; react-hook-form hands over a boolean. Any value means ticked, as in HTML.
  remember: z
    .unknown()
    .optional()
    .transform((value) => value !== undefined && value !== false && value !== ''),
});
export type LoginInput = z.input<typeof loginSchema>;

export const registerSchema = z
  .object({
    username: usernameField,
    email: emailField,
    password: newPasswordField,
    password2: z.string().min(1, 'Please repeat the password.'),
  })
  .refine((form) => form.password === form.password2, { path: ['password2'], message: REPEAT_MISMATCH });
export type RegisterInput = z.input<typeof registerSchema>;

export const forgotPasswordSchema = z.object({ email: emailField });
export type ForgotPasswordInput = z.input<typeof forgotPasswordSchema>;

export const resetPasswordSchema = z
  .object({
    password: newPasswordField,
    password2: z.string().min(1, 'Please repeat the password.'),
  })
  .refine((form) => form.password === form.password2, { path: ['password2'], message: REPEAT_MISMATCH });
export type ResetPasswordInput = z.input<typeof resetPasswordSchema>;
