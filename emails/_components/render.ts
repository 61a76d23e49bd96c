import type { Locale } from '@/i18n/locales';

/** One email's content as blocks, so its text and HTML parts come from one source. */
export type EmailBlock =
  | { kind: 'paragraph'; text: string }
  | { kind: 'link'; href: string; label: string }
  | { kind: 'signature'; lines: string[] }
  /** Text whose line breaks and spacing matter, such as a stack trace. */
  | { kind: 'preformatted'; text: string };

export type RenderedEmail = { subject: string; text: string; html: string };

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const escapeHtml = (value: string) => value.replace(/[&<>"']/g, (char) => HTML_ESCAPES[char] ?? char);

function blockToText(block: EmailBlock): string {
  switch (block.kind) {
    case 'paragraph':
      return block.text;
    case 'link':
      return block.href;
    case 'signature':
      return block.lines.join('\n');
    case 'preformatted':
      return block.text;
  }
}

function blockToHtml(block: EmailBlock): string {
  switch (block.kind) {
    case 'paragraph':
      return `<p>${escapeHtml(block.text)}</p>`;
    case 'link':
      return `<p><a href="${escapeHtml(block.href)}">${escapeHtml(block.label)}</a></p>`;
    case 'signature':
      return `<p>${block.lines.map(escapeHtml).join('<br>')}</p>`;
    case 'preformatted':
      return `<pre style="white-space: pre-wrap">${escapeHtml(block.text)}</pre>`;
  }
}

export function renderEmail(locale: Locale, subject: string, blocks: EmailBlock[]): RenderedEmail {
  return {
    subject,
    text: `${blocks.map(blockToText).join('\n\n')}\n`,
    // The language lets a screen reader read the mail with the right voice.
    html: `<!doctype html><html lang="${locale}"><body style="font-family: sans-serif; line-height: 1.5">${blocks.map(blockToHtml).join('')}</body></html>`,
  };
}
