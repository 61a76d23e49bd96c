import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { isDecodableFormAction, isDecodableReply } from '@/lib/http/action-envelope';
import { malformedWriteStatus } from '@/lib/http/malformed-write';

type Body = { kind: 'reply'; text: string } | { kind: 'reply' | 'action'; fields: [string, string][] };

/** What our check says of a body. */
function accepted(body: Body): boolean {
  if ('text' in body) return isDecodableReply((id) => (id === 0 ? body.text : undefined));
  const form = new FormData();
  for (const [name, value] of body.fields) form.append(name, value);
  if (body.kind === 'action') return isDecodableFormAction(form);
  return isDecodableReply((id) => {
    const value = form.get(String(id));
    return typeof value === 'string' ? value : undefined;
  });
}

/** What the React inside Next.js makes of the same bodies, decoded in a react-server process as Next.js decodes them. */
function decodedByReact(bodies: Body[]): boolean[] {
  const output = execFileSync(process.execPath, ['--conditions=react-server', 'test/support/react-decode.mjs'], {
    input: JSON.stringify(bodies),
    env: { ...process.env, NODE_ENV: 'production' },
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  return (JSON.parse(output) as { ok: boolean }[]).map((result) => result.ok);
}

const reply = (text: string): Body => ({ kind: 'reply', text });
const noScriptForm = (descriptor: string, ...chunks: string[]): Body => ({
  kind: 'action',
  fields: [['$ACTION_REF_1', ''], ['$ACTION_1:0', descriptor], ...chunks.map((chunk, index): [string, string] => [`$ACTION_1:${index + 1}`, chunk]), ['$ACTION_KEY', 'k0'], ['email', 'a@example.com']],
});

// Envelopes that answered 500 and paged the admins: valid JSON, undecodable.
const ATTACKS: Body[] = [
  reply('["$nnot a number"]'),
  reply(`["$n${'9'.repeat(301)}"]`),
  reply('["$1"]'),
  reply('["$zz"]'),
  reply('["$Q1"]'),
  reply('["$h1"]'),
  reply('["$B1"]'),
  reply('[{"a:b":"$T"}]'),
  reply('[{"a":{"b":1}},"$0:0:c"]'),
  reply('[{"a":"$undefined"},"$0:0:a"]'),
  // Each reference counts what it points at against React's budget of a million elements.
  { kind: 'reply', fields: [['0', JSON.stringify(Array.from({ length: 60 }, () => '$1'))], ['1', JSON.stringify(Array.from({ length: 20_000 }, () => 0))]] },
  reply('5'),
  reply(`${'['.repeat(20_000)}${']'.repeat(20_000)}`),
  reply(JSON.stringify(Array.from({ length: 1001 }, () => 0))),
  { kind: 'reply', fields: [['1', '[]']] },
  noScriptForm('{"id":"x","bound":"$@1"}', '["$nabc"]'),
  noScriptForm('{"id":"x","bound":"$@2"}', '[]'),
  noScriptForm('{"id":"x","bound":"$@1","extra":"$9"}', '[]'),
  noScriptForm('{"id":5,"bound":null}'),
];

/** The bodies the browser sends for our forms, made by React's own encoder from the arguments our actions take. */
async function envelopesOurFormsSend(): Promise<Body[]> {
  const require = createRequire(import.meta.url);
  const { encodeReply } = require('next/dist/compiled/react-server-dom-turbopack/client.node') as {
    encodeReply: (value: unknown) => Promise<string | FormData>;
  };
  const form = new FormData();
  form.append('email', 'susan@example.com');
  form.append('$ACTION_1:0', '{"id":"x","bound":"$@1"}');
  const shared = { email: ['Please use a different email address.'] };
  const states = [
    {},
    { errors: { email: ['Invalid email address.', undefined] }, values: { username: '$susan', email: 'a@b' }, message: undefined },
    { errors: shared, values: { email: 'x' }, again: shared },
    { message: 'Too many sign-in attempts. Please wait a minute and try again.' },
  ];
  const bodies: Body[] = [];
  for (const args of [...states.map((state) => [state, form]), [form], []]) {
    const body = await encodeReply(args);
    bodies.push(typeof body === 'string' ? reply(body) : { kind: 'reply', fields: [...body.entries()].map(([name, value]) => [name, String(value)]) });
  }
  return [
    ...bodies,
    // What React renders into a form for an action with bound arguments, as useActionState's forms have.
    noScriptForm('{"id":"7f00aa","bound":"$@1"}', '[{}]'),
    noScriptForm('{"id":"7f00aa","bound":"$@1"}', '[{"values":{"email":"$$x"},"errors":{"email":["$undefined"]}}]'),
    noScriptForm('{"id":"7f00aa","bound":null}'),
  ];
}

/** A seeded generator, so a failing body can be found again. */
function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const TOKENS = [
  'plain', '$$escaped', '$undefined', '$u', '$NaN', '$Infinity', '$I', '$-Infinity', '$-0', '$D2026-11-24T09:30:00.000Z', '$Dgarbage',
  '$n12', '$n-5', '$nabc', '$n', '$n1.5', '$K1', '$K', '$1', '$2', '$9', '$zz', '$@1', '$@2', '$@9', '$0', '$0:0', '$0:0:a', '$0:1',
  '$1:0', '$1:a', '$1:b:0', '$0:0:__proto__', '$T', '$Q1', '$W1', '$i1', '$h1', '$B1', '$A1', '$o1', '$R1', '$X1', '$H', '$', '$F1',
];

function fuzzedBodies(count: number): Body[] {
  const next = random(20261124);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T;
  const value = (depth: number): unknown => {
    const roll = next();
    if (depth > 2 || roll < 0.45) return pick([...TOKENS, 1, null, true]);
    if (roll < 0.75) return Array.from({ length: Math.floor(next() * 4) }, () => value(depth + 1));
    return Object.fromEntries(Array.from({ length: Math.floor(next() * 3) + 1 }, () => [pick(['a', 'b', '__proto__', 'x:y']), value(depth + 1)]));
  };
  const chunk = (root: boolean) => (next() < 0.05 ? '{not json' : JSON.stringify(root && next() < 0.8 ? [value(1), value(1)] : value(0)));
  return Array.from({ length: count }, (): Body => {
    const extra: [string, string][] = next() < 0.6 ? [['1', chunk(false)]] : [];
    if (next() < 0.15) extra.push(['2', chunk(false)]);
    if (next() < 0.7) return { kind: 'reply', fields: [['0', chunk(true)], ...extra] };
    const bound = pick(['$@1', '$@2', null, '$1', '$nabc', 1]);
    return noScriptForm(JSON.stringify({ id: '7f00aa', bound, ...(next() < 0.3 ? { more: value(1) } : {}) }), ...extra.map(([, text]) => text));
  });
}

describe('server-action envelopes', () => {
  it('refuses every envelope that made React throw, and React indeed cannot decode them', () => {
    expect(ATTACKS.map(accepted)).toEqual(ATTACKS.map(() => false));
    expect(decodedByReact(ATTACKS)).toEqual(ATTACKS.map(() => false));
  });

  it('accepts what our forms send, with and without JavaScript', async () => {
    const bodies = await envelopesOurFormsSend();
    expect(bodies.map(accepted)).toEqual(bodies.map(() => true));
    expect(decodedByReact(bodies)).toEqual(bodies.map(() => true));
  });

  it('accepts nothing React cannot decode, over 3,000 generated envelopes', () => {
    const bodies = fuzzedBodies(3_000);
    const ours = bodies.map(accepted);
    const react = decodedByReact(bodies);
    const wronglyAccepted = bodies.filter((_, index) => ours[index] && !react[index]);
    expect(wronglyAccepted).toEqual([]);
    // The corpus is no straw man: it holds plenty of both kinds.
    expect(ours.filter(Boolean).length).toBeGreaterThan(300);
    expect(react.filter((ok) => !ok).length).toBeGreaterThan(300);
  });
});

describe('the proxy’s body check', () => {
  const post = (body: string | FormData, headers: Record<string, string>) => {
    const request = new Request('http://app.test/register', { method: 'POST', body, headers });
    const length = typeof body === 'string' ? Buffer.byteLength(body) : 1_000;
    return new Request(request, { headers: { ...headers, 'content-length': String(length), 'content-type': request.headers.get('content-type') ?? '' } });
  };

  it('answers 400 to an action call React cannot decode', async () => {
    expect(await malformedWriteStatus(post('["$nabc"]', { 'next-action': '7f00aa', 'content-type': 'text/plain;charset=UTF-8' }))).toBe(400);
    const form = new FormData();
    form.append('0', '["$1"]');
    expect(await malformedWriteStatus(post(form, { 'next-action': '7f00aa' }))).toBe(400);
  });

  it('lets a decodable action call and a plain form through', async () => {
    expect(await malformedWriteStatus(post('[]', { 'next-action': '7f00aa', 'content-type': 'text/plain;charset=UTF-8' }))).toBeNull();
    const form = new FormData();
    form.append('0', '[{},"$K1"]');
    form.append('_1_email', 'a@example.com');
    expect(await malformedWriteStatus(post(form, { 'next-action': '7f00aa' }))).toBeNull();
    expect(await malformedWriteStatus(post('email=a%40example.com', { 'content-type': 'application/x-www-form-urlencoded' }))).toBeNull();
  });
});
