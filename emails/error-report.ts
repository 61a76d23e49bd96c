import { renderEmail, type RenderedEmail } from './_components/render';

export interface ErrorReportEmailProps {
  method: string;
  routePath: string;
  routeType: string;
  name: string;
  message: string;
  digest?: string;
  occurredAt: Date;
  stack?: string;
}

/** Mail to the admins about one unhandled server error, as the seed's SMTPHandler sent; in English, whoever caused it. */
export function errorReportEmail({ method, routePath, routeType, name, message, digest, occurredAt, stack }: ErrorReportEmailProps): RenderedEmail {
  return renderEmail('en', 'Microblog Failure', [
    { kind: 'paragraph', text: `Route: ${method} ${routePath} (${routeType})` },
    { kind: 'paragraph', text: `Error: ${name}: ${message}` },
    { kind: 'paragraph', text: `Digest: ${digest ?? 'none'}` },
    { kind: 'paragraph', text: `Time: ${occurredAt.toISOString()}` },
    { kind: 'preformatted', text: stack ?? '' },
  ]);
}

export interface ErrorDigestEmailProps {
  since: Date;
  until: Date;
  /** Errors that were not mailed one by one, counted by where and what. */
  unmailed: { route: string; kind: string; count: number }[];
  /** Errors of further routes and kinds, beyond those listed. */
  others: number;
}

/** The one mail that says how many errors went unmailed once a window's cap was reached. */
export function errorDigestEmail({ since, until, unmailed, others }: ErrorDigestEmailProps): RenderedEmail {
  const total = unmailed.reduce((sum, entry) => sum + entry.count, others);
  const lines = unmailed.map((entry) => `${entry.count} × ${entry.kind} at ${entry.route}`);
  if (others > 0) lines.push(`${others} of other routes and kinds`);
  return renderEmail('en', `Microblog Failure: ${total} more errors`, [
    {
      kind: 'paragraph',
      text: `${total} more errors between ${since.toISOString()} and ${until.toISOString()} were not mailed one by one, so that a flood of errors does not flood your inbox:`,
    },
    { kind: 'preformatted', text: lines.join('\n') },
  ]);
}
