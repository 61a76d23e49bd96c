import 'server-only';
import { createHash } from 'node:crypto';
import { getConfig } from '@/lib/config';

export type AvatarImage = { body: Uint8Array; contentType: string };

const FETCH_TIMEOUT_MS = 1_500;
const KEEP_MS = 24 * 3600_000;
// After Gravatar fails to answer, letters for everyone for a while, rather than a wait on every image.
const UNREACHABLE_PAUSE_MS = 5 * 60_000;
const MAX_CACHED = 1_000;

type Cached = { image: AvatarImage | null; until: number };
type AvatarCache = { entries: Map<string, Cached>; unreachableUntil: number };

// Per process, so every bundle's route shares one cache.
const globalForAvatars = globalThis as unknown as { microblogAvatars?: AvatarCache };
const cache = (globalForAvatars.microblogAvatars ??= { entries: new Map(), unreachableUntil: 0 });

/** Gravatar's key: the MD5 of the trimmed, lower-cased address. It stays on the server: a guessed address could be checked against it. */
function gravatarKey(email: string): string {
  return createHash('md5').update(email.trim().toLowerCase()).digest('hex');
}

const PALETTE = ['#d7e3fc', '#fde2c4', '#d3f0da', '#f6d4e4', '#e3d9f6', '#fbeec1', '#cdebf0'];
const XML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };

/** A circle with the name's first letter, in a colour the name picks. */
export function letterAvatar(username: string, size: number): AvatarImage {
  const letter = ([...username][0] ?? '?').toUpperCase().replace(/[&<>"]/g, (char) => XML_ESCAPES[char] ?? char);
  const colour = PALETTE[createHash('sha1').update(username.toLowerCase()).digest()[0]! % PALETTE.length];
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}" viewBox="0 0 100 100"><rect width="100" height="100" fill="${colour}"/><text x="50" y="50" dy=".35em" text-anchor="middle" font-family="sans-serif" font-size="50" font-weight="700" fill="#1d2330">${letter}</text></svg>`;
  return { body: new TextEncoder().encode(svg), contentType: 'image/svg+xml' };
}

async function fetchGravatar(baseUrl: string, key: string, size: number): Promise<AvatarImage | null | 'unreachable'> {
  try {
    // d=404: a missing picture is an answer, not a generated one that would stand for the hash.
    const response = await fetch(`${baseUrl}/${key}?d=404&s=${size * 2}`, { signal: AbortSignal.timeout(FETCH_TIMEOUT_MS) });
    if (response.status === 404) return null;
    const contentType = response.headers.get('content-type') ?? '';
    if (!response.ok || !contentType.startsWith('image/')) return 'unreachable';
    return { body: new Uint8Array(await response.arrayBuffer()), contentType };
  } catch {
    return 'unreachable';
  }
}

function remember(key: string, image: AvatarImage | null, now: number): void {
  if (cache.entries.size >= MAX_CACHED) cache.entries.delete(cache.entries.keys().next().value ?? '');
  cache.entries.set(key, { image, until: now + KEEP_MS });
}

/**
 * A user's avatar, served by us: their Gravatar picture when they have one and Gravatar
 * answers, else a letter avatar. Pictures are kept a day; the browser never learns the hash.
 */
export async function avatarFor(
  user: { username: string; email: string },
  size: number,
  { baseUrl = getConfig().gravatarUrl, now = Date.now() }: { baseUrl?: string | null; now?: number } = {},
): Promise<AvatarImage> {
  if (!baseUrl || now < cache.unreachableUntil) return letterAvatar(user.username, size);
  const key = `${gravatarKey(user.email)}:${size}`;
  const cached = cache.entries.get(key);
  if (cached && cached.until > now) return cached.image ?? letterAvatar(user.username, size);
  const fetched = await fetchGravatar(baseUrl, gravatarKey(user.email), size);
  if (fetched === 'unreachable') {
    cache.unreachableUntil = now + UNREACHABLE_PAUSE_MS;
    return letterAvatar(user.username, size);
  }
  remember(key, fetched, now);
  return fetched ?? letterAvatar(user.username, size);
}
