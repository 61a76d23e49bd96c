/**
 * Whether a server-action body is one React can decode. Next.js 16 hands the body to
 * react-server-dom's decodeReply (a call from the browser: chunk 0 is the argument list)
 * or decodeAction (a form posted without JavaScript: chunk 0 of the `$ACTION_<n>:`
 * fields describes the action). Each chunk is JSON in which strings starting with `$` are
 * references: `$n12` a BigInt, `$1` another chunk, `$@1` a promise of one, and so on.
 * React throws on a reference it cannot resolve (`$nabc`, `$9` with no chunk 9), and
 * Next.js answers a throw with a 500 and reports it as a server error. So this check
 * accepts only the references our forms send, each in a form React resolves, and
 * refuses the rest before Next.js sees them: conservative, never clever.
 */

/** A chunk's JSON text by its id, or undefined when the body has no such chunk. */
type ChunkSource = (id: number) => string | undefined;

// Our envelopes are a few levels deep; React revives recursively, so depth is bounded here.
const MAX_DEPTH = 32;
// Each reference can repeat what it points at; a few keep React's 1e6-element budget far away.
const MAX_REFERENCES = 4;
// Next.js refuses more arguments than this, by throwing.
const MAX_ARGUMENTS = 1000;
const CONSTANTS = new Set(['$undefined', '$NaN', '$Infinity', '$-Infinity', '$-0']);
const BIGINT = /^-?\d{1,300}$/;
const HEX = /^[0-9a-f]{1,8}$/;
const INVALID = Symbol('invalid');

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

class ReplyCheck {
  private references = 0;
  private readonly parsed = new Map<number, Json | typeof INVALID>();
  private readonly inProgress = new Set<number>();

  constructor(private readonly source: ChunkSource) {}

  /** The chunk's parsed JSON if it and everything it references decode, else INVALID. */
  chunk(id: number): Json | typeof INVALID {
    const known = this.parsed.get(id);
    if (known !== undefined) return known;
    const text = this.source(id);
    let value: Json | typeof INVALID = INVALID;
    if (text !== undefined) {
      try {
        value = JSON.parse(text) as Json;
      } catch {
        value = INVALID;
      }
    }
    // Cached before the walk, so a back-reference into this chunk finds its JSON.
    this.parsed.set(id, value);
    if (value !== INVALID) {
      this.inProgress.add(id);
      if (!this.value(value, 0)) this.parsed.set(id, (value = INVALID));
      this.inProgress.delete(id);
    }
    return value;
  }

  private value(value: Json, depth: number): boolean {
    if (typeof value === 'string') return value[0] !== '$' || this.reference(value);
    if (value === null || typeof value !== 'object') return true;
    if (depth >= MAX_DEPTH) return false;
    return Object.values(value).every((item) => this.value(item, depth + 1));
  }

  private reference(value: string): boolean {
    if (value.startsWith('$$') || CONSTANTS.has(value)) return true;
    const tag = value[1];
    const rest = value.slice(2);
    if (tag === 'D') return true;
    if (tag === 'n') return BIGINT.test(rest);
    if (tag === 'K') return HEX.test(rest);
    if (tag === '@') return HEX.test(rest) && this.target(rest, []);
    const [id = '', ...path] = value.slice(1).split(':');
    return HEX.test(id) && this.target(id, path);
  }

  /** A reference to chunk `hexId`, and within it to `path`, resolves as React resolves it. */
  private target(hexId: string, path: string[]): boolean {
    if (++this.references > MAX_REFERENCES) return false;
    const id = parseInt(hexId, 16);
    // A chunk still being checked is an ancestor: React resolves the back-reference
    // once it is done, and only by a path (a repeated object), never as a whole.
    if (this.inProgress.has(id) && path.length === 0) return false;
    let current = this.chunk(id);
    if (current === INVALID) return false;
    for (const key of path) {
      const container: Json | undefined = current;
      if (container === null || typeof container !== 'object' || key === '__proto__' || !Object.hasOwn(container, key)) return false;
      current = (container as Record<string, Json>)[key] as Json;
    }
    // React drops a property whose value revives to undefined, so a path cannot end at one.
    return path.length === 0 || current !== '$undefined';
  }
}

/** A call from the browser (a `next-action` request): chunk 0 is the list of arguments. */
export function isDecodableReply(source: ChunkSource): boolean {
  const args = new ReplyCheck(source).chunk(0);
  return Array.isArray(args) && args.length <= MAX_ARGUMENTS;
}

const ACTION_REF_FIELD = /^\$ACTION_REF_(\d+)$/;
const ACTION_CHUNK_FIELD = /^\$ACTION_\d+:\d+$/;

/**
 * A form posted without JavaScript: each `$ACTION_REF_<n>` names the fields
 * `$ACTION_<n>:<chunk>`, whose chunk 0 is `{ id, bound }`, bound being null or a promise
 * of the bound arguments.
 */
export function isDecodableFormAction(fields: { get(name: string): unknown; keys(): Iterable<string> }): boolean {
  for (const name of fields.keys()) {
    if (ACTION_CHUNK_FIELD.test(name) && typeof fields.get(name) !== 'string') return false;
    const ref = ACTION_REF_FIELD.exec(name);
    if (!ref) continue;
    const prefix = `$ACTION_${ref[1]}:`;
    const check = new ReplyCheck((id) => {
      const value = fields.get(`${prefix}${id}`);
      return typeof value === 'string' ? value : undefined;
    });
    const descriptor = check.chunk(0);
    if (descriptor === INVALID || descriptor === null || typeof descriptor !== 'object' || Array.isArray(descriptor)) return false;
    if (typeof descriptor.id !== 'string') return false;
    const bound = descriptor.bound;
    if (bound === null || bound === undefined) continue;
    if (typeof bound !== 'string' || !bound.startsWith('$@')) return false;
    const args = check.chunk(parseInt(bound.slice(2), 16));
    if (!Array.isArray(args) || args.length > MAX_ARGUMENTS) return false;
  }
  return true;
}
