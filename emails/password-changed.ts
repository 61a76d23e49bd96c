import { renderEmail, type RenderedEmail } from './_components/render';

export interface PasswordChangedEmailProps {
  username: string;
  changedAt: Date;
  forgotPasswordUrl: string;
}

// The reader's time zone is unknown to the server, so the time is given in UTC and says so.
const formatUtc = (date: Date) =>
  new Intl.DateTimeFormat('en-GB', { dateStyle: 'long', timeStyle: 'short', timeZone: 'UTC' }).format(date) + ' UTC';

export function passwordChangedEmail({ username, changedAt, forgotPasswordUrl }: PasswordChangedEmailProps): RenderedEmail {
  return renderEmail('[Microblog] Your password was changed', [
    { kind: 'paragraph', text: `Dear ${username},` },
    { kind: 'paragraph', text: `The password of your Microblog account was changed on ${formatUtc(changedAt)}, and every device signed in with the old one was signed out.` },
    { kind: 'paragraph', text: 'If this was you, there is nothing more to do. If it was not, reset your password now:' },
    { kind: 'link', href: forgotPasswordUrl, label: 'Reset your password' },
    { kind: 'signature', lines: ['Sincerely,', 'The Microblog Team'] },
  ]);
}
