// Decodes server-action bodies with the React that Next.js ships, as Next.js does, and
// says which decode. Run with `node --conditions=react-server`; reads a JSON array of
// bodies on stdin, each { kind: 'reply' | 'action', text?: string, fields?: [name, value][] },
// and prints a JSON array of { ok: boolean, error?: string }.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { createTemporaryReferenceSet, decodeAction, decodeFormState, decodeReply } = require('next/dist/compiled/react-server-dom-turbopack/server.node');

// Every action id names one module whose one export gives back its arguments.
const manifest = new Proxy({}, { get: () => ({ id: 'actions', chunks: [], name: 'action' }) });
globalThis.__next_require__ = () => ({ action: (...args) => args });
globalThis.__next_chunk_load__ = () => Promise.resolve();

function formOf(fields) {
  const form = new FormData();
  for (const [name, value] of fields) form.append(name, value);
  return form;
}

async function decode(body) {
  if (body.kind === 'reply') {
    const args = await decodeReply(body.text ?? formOf(body.fields), manifest, { temporaryReferences: createTemporaryReferenceSet() });
    // Next.js calls the action with these; anything but a short list throws there.
    if (!Array.isArray(args) || args.length > 1000) throw new Error('not an argument list');
    return;
  }
  const form = formOf(body.fields);
  const action = await decodeAction(form, manifest);
  if (typeof action !== 'function') throw new Error('no action');
  await action();
  await decodeFormState('result', form, manifest);
}

let input = '';
process.stdin.on('data', (chunk) => (input += chunk));
process.stdin.on('end', async () => {
  const results = [];
  for (const body of JSON.parse(input)) {
    try {
      await decode(body);
      results.push({ ok: true });
    } catch (error) {
      results.push({ ok: false, error: String(error?.message ?? error).slice(0, 200) });
    }
  }
  process.stdout.write(JSON.stringify(results));
});
