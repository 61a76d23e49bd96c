import * as z from 'zod/mini';
import { currentPasswordField, emailField, newPasswordField, passwordsMatch, repeatField } from './fields';

// Field names differ between the two forms: both sit on the settings page, and a name is an element id there.
export const changeEmailSchema = z.object({
  new_email: emailField,
  email_password: currentPasswordField,
});

export const changePasswordSchema = z
  .object({
    current_password: currentPasswordField,
    password: newPasswordField,
    password2: repeatField,
  })
  .check(passwordsMatch);
