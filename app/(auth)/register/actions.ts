'use server';
import { redirect } from 'next/navigation';
import { registerUser } from '@/lib/auth/accounts';
import { setFlash } from '@/lib/flash';
import { passwordProblem } from '@/lib/password-policy';
import { registerSchema } from '@/lib/validation/auth';
import { formError, parseForm, type FormState } from '@/lib/validation/form-state';

export async function register(_previous: FormState, formData: FormData): Promise<FormState> {
  const parsed = parseForm(registerSchema, formData);
  if (!parsed.ok) return parsed.state;
  const problem = passwordProblem(parsed.data.password, parsed.data.username);
  if (problem) return formError(formData, { password: [problem] });
  const result = await registerUser(parsed.data);
  if (!result.ok) {
    return formError(
      formData,
      result.taken === 'username'
        ? { username: ['Please use a different username.'] }
        : { email: ['Please use a different email address.'] },
    );
  }
  await setFlash('Congratulations, you are now a registered user!');
  redirect('/login');
}
