import { renderEmail, type RenderedEmail } from './_components/render';

export interface ConfirmNewEmailProps {
  username: string;
  confirmUrl: string;
  lifetimeHours: number;
}

/** Sent to the address an account asked to move to; following the link makes the move. */
export function confirmNewEmail({ username, confirmUrl, lifetimeHours }: ConfirmNewEmailProps): RenderedEmail {
  return renderEmail('[Microblog] Confirm Your New Email', [
    { kind: 'paragraph', text: `Dear ${username},` },
    { kind: 'paragraph', text: 'To make this the email address of your Microblog account click on the following link:' },
    { kind: 'link', href: confirmUrl, label: 'Confirm your new email address' },
    { kind: 'paragraph', text: `The link works for ${lifetimeHours} hours. Until you follow it, your account keeps its current address.` },
    { kind: 'paragraph', text: 'If you have not asked for this change simply ignore this message.' },
    { kind: 'signature', lines: ['Sincerely,', 'The Microblog Team'] },
  ]);
}
