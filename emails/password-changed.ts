import { formatUtc } from './_components/format-utc';
import { renderEmail, type RenderedEmail } from './_components/render';

export interface PasswordChangedEmailProps {
  username: string;
  changedAt: Date;
  forgotPasswordUrl: string;
}

export function passwordChangedEmail({ username, changedAt, forgotPasswordUrl }: PasswordChangedEmailProps): RenderedEmail {
  return renderEmail('[Microblog] Your password was changed', [
    { kind: 'paragraph', text: `Dear ${username},` },
    { kind: 'paragraph', text: `The password of your Microblog account was changed on ${formatUtc(changedAt)}, and every device signed in with the old one was signed out.` },
    { kind: 'paragraph', text: 'If this was you, there is nothing more to do. If it was not, reset your password now:' },
    { kind: 'link', href: forgotPasswordUrl, label: 'Reset your password' },
    { kind: 'signature', lines: ['Sincerely,', 'The Microblog Team'] },
  ]);
}
