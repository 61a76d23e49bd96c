import { renderEmail, type RenderedEmail } from './_components/render';

export interface SignupAttemptProps {
  username: string;
  forgotPasswordUrl: string;
}

/**
 * Sent instead of an error when someone signs up with an address that has an account:
 * the sign-up form answers as for a new address, so it cannot tell who has an account.
 */
export function signupAttemptEmail({ username, forgotPasswordUrl }: SignupAttemptProps): RenderedEmail {
  return renderEmail('[Microblog] Someone tried to sign up with your address', [
    { kind: 'paragraph', text: `Dear ${username},` },
    { kind: 'paragraph', text: 'Someone tried to create a new Microblog account with this email address, which already belongs to your account. No new account was made.' },
    { kind: 'paragraph', text: `If it was you, sign in as ${username}. If you have forgotten your password, you can reset it:` },
    { kind: 'link', href: forgotPasswordUrl, label: 'Reset your password' },
    { kind: 'paragraph', text: 'If it was not you, simply ignore this message.' },
    { kind: 'signature', lines: ['Sincerely,', 'The Microblog Team'] },
  ]);
}
