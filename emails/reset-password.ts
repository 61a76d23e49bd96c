import { renderEmail, type RenderedEmail } from './_components/render';

export interface ResetPasswordEmailProps {
  username: string;
  resetUrl: string;
  lifetimeMinutes: number;
}

export function resetPasswordEmail({ username, resetUrl, lifetimeMinutes }: ResetPasswordEmailProps): RenderedEmail {
  return renderEmail('[Microblog] Reset Your Password', [
    { kind: 'paragraph', text: `Dear ${username},` },
    { kind: 'paragraph', text: 'To reset your password click on the following link:' },
    { kind: 'link', href: resetUrl, label: 'Reset your password' },
    { kind: 'paragraph', text: `The link works once and expires in ${lifetimeMinutes} minutes.` },
    { kind: 'paragraph', text: 'If you have not requested a password reset simply ignore this message.' },
    { kind: 'signature', lines: ['Sincerely,', 'The Microblog Team'] },
  ]);
}
