import { renderEmail, type RenderedEmail } from './_components/render';

export interface ConfirmEmailProps {
  username: string;
  confirmUrl: string;
  lifetimeHours: number;
}

export function confirmEmail({ username, confirmUrl, lifetimeHours }: ConfirmEmailProps): RenderedEmail {
  return renderEmail('[Microblog] Confirm Your Email', [
    { kind: 'paragraph', text: `Dear ${username},` },
    { kind: 'paragraph', text: 'To confirm your email address click on the following link:' },
    { kind: 'link', href: confirmUrl, label: 'Confirm your email address' },
    { kind: 'paragraph', text: `The link works for ${lifetimeHours} hours.` },
    { kind: 'paragraph', text: 'If you have not signed up for Microblog simply ignore this message.' },
    { kind: 'signature', lines: ['Sincerely,', 'The Microblog Team'] },
  ]);
}
