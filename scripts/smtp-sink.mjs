// A local SMTP server that keeps what it receives: `npm run mail` prints each message
// (the seed's `python -m smtpd -n -c DebuggingServer localhost:8025`); tests and
// benchmarks start it with an HTTP inbox to read messages back, or with a delay.
import { createServer } from 'node:http';
import { parseArgs } from 'node:util';
import { pathToFileURL } from 'node:url';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

/**
 * @typedef {{ messageId: string, from: string, to: string[], subject: string, text: string, html: string, headers: Record<string, string>, receivedAt: string }} SunkMessage
 * @typedef {{ host?: string, port?: number, delayMs?: number, parse?: boolean, onMessage?: (message: SunkMessage) => void, onRcptTo?: import('smtp-server').SMTPServerOptions['onRcptTo'] }} SinkOptions
 */

/** @param {import('mailparser').AddressObject | import('mailparser').AddressObject[] | undefined} field */
function addresses(field) {
  return [field ?? []].flat().flatMap((entry) => entry.value.map((address) => address.address ?? ''));
}

/**
 * Starts an SMTP server on loopback that accepts every message.
 * @param {SinkOptions} options
 * @returns {Promise<{ server: SMTPServer, port: number, close: () => Promise<void> }>}
 */
export async function startSmtpSink({ host = '127.0.0.1', port = 8025, delayMs = 0, parse = true, onMessage, onRcptTo } = {}) {
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    size: 10 * 1024 * 1024,
    // Stopping waits at most a second for clients that keep their connection open.
    closeTimeout: 1000,
    onRcptTo,
    onData(stream, session, callback) {
      const chunks = [];
      stream.on('data', (chunk) => chunks.push(chunk));
      stream.on('end', async () => {
        try {
          if (parse) {
            const mail = await simpleParser(Buffer.concat(chunks));
            onMessage?.({
              messageId: mail.messageId ?? '',
              from: addresses(mail.from).join(', '),
              to: session.envelope.rcptTo.map((rcpt) => rcpt.address.toLowerCase()),
              subject: mail.subject ?? '',
              text: mail.text ?? '',
              html: typeof mail.html === 'string' ? mail.html : '',
              headers: Object.fromEntries(mail.headerLines.map(({ key, line }) => [key, line.slice(line.indexOf(':') + 1).trim()])),
              receivedAt: new Date().toISOString(),
            });
          }
          setTimeout(callback, delayMs);
        } catch (error) {
          callback(/** @type {Error} */ (error));
        }
      });
    },
  });
  // Replies are small writes too; without this the sink, not the sender, sets the pace.
  server.server.on('connection', (socket) => socket.setNoDelay(true));
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve(undefined);
    });
  });
  // A sender that dies mid-message (the crash tests kill drainers) resets its connection:
  // that ends the session, not the sink.
  server.on('error', (/** @type {NodeJS.ErrnoException} */ error) => {
    if (error.code !== 'ECONNRESET' && error.code !== 'EPIPE') console.error(`SMTP sink: ${error.message}`);
  });
  const address = server.server.address();
  return {
    server,
    port: typeof address === 'object' && address ? address.port : port,
    close: () => new Promise((resolve) => server.close(() => resolve(undefined))),
  };
}

/**
 * Serves the received messages as JSON: GET /messages?to=ADDRESS, newest first.
 * @param {SunkMessage[]} messages
 * @param {{ host?: string, port: number }} options
 */
export function startInbox(messages, { host = '127.0.0.1', port }) {
  const server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://inbox');
    if (url.pathname === '/health') return void response.end('ok');
    if (url.pathname !== '/messages') return void response.writeHead(404).end();
    const to = url.searchParams.get('to')?.toLowerCase();
    const found = messages.filter((message) => !to || message.to.includes(to)).reverse();
    response.setHeader('content-type', 'application/json');
    response.end(JSON.stringify(found));
  });
  return new Promise((resolve) => server.listen(port, host, () => resolve(server)));
}

async function main() {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: '8025' },
      'inbox-port': { type: 'string' },
      'delay-ms': { type: 'string', default: '0' },
      // Answer 550 to recipients whose address starts with "refuse-", as a server does for an unknown user.
      'refuse-prefix': { type: 'string', default: 'refuse-' },
      quiet: { type: 'boolean', default: false },
      // Accept and count without parsing, so a benchmark measures the sender, not mailparser.
      'count-only': { type: 'boolean', default: false },
    },
  });
  /** @type {SunkMessage[]} */
  const messages = [];
  const sink = await startSmtpSink({
    port: Number(values.port),
    delayMs: Number(values['delay-ms']),
    parse: !values['count-only'],
    onRcptTo(address, _session, callback) {
      if (!address.address.toLowerCase().startsWith(values['refuse-prefix'] ?? 'refuse-')) return callback();
      callback(Object.assign(new Error('No such user here'), { responseCode: 550 }));
    },
    onMessage(message) {
      messages.push(message);
      if (values.quiet) return;
      console.log(`---------- MESSAGE FOLLOWS ----------`);
      for (const [key, value] of Object.entries(message.headers)) console.log(`${key}: ${value}`);
      console.log(`\n${message.text}------------ END MESSAGE ------------`);
    },
  });
  console.log(`SMTP sink listening on 127.0.0.1:${sink.port}`);
  if (values['inbox-port']) {
    await startInbox(messages, { port: Number(values['inbox-port']) });
    console.log(`Inbox at http://127.0.0.1:${values['inbox-port']}/messages`);
  }
  const stop = () => sink.close().then(() => process.exit(0));
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await main();
