import { renderEmail, type RenderedEmail } from './_components/render';
import { formatUtc } from './_components/format-utc';

export interface EmailChangeRequestedProps {
  username: string;
  newEmail: string;
  requestedAt: Date;
  forgotPasswordUrl: string;
}

/** Sent to the address an account is leaving: a warning only, with no link that could approve the change. */
export function emailChangeRequested({ username, newEmail, requestedAt, forgotPasswordUrl }: EmailChangeRequestedProps): RenderedEmail {
  return renderEmail('[Microblog] Your email address is changing', [
    { kind: 'paragraph', text: `Dear ${username},` },
    { kind: 'paragraph', text: `On ${formatUtc(requestedAt)} someone signed in to your Microblog account asked to change its email address to ${newEmail}. The change happens only when the link sent to that address is followed.` },
    { kind: 'paragraph', text: 'If this was you, there is nothing more to do. If it was not, someone knows your password: reset it now.' },
    { kind: 'link', href: forgotPasswordUrl, label: 'Reset your password' },
    { kind: 'signature', lines: ['Sincerely,', 'The Microblog Team'] },
  ]);
}
