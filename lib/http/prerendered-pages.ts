import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { NextResponse, type NextRequest } from 'next/server';
import { includesSessionCookie } from '@/auth.config';
import { DEFAULT_LOCALE, LOCALE_COOKIE } from '@/i18n/locales';
import { negotiateLocale } from '@/i18n/negotiate';
import { FLASH_COOKIE } from '@/lib/flash/names';
import { hashThePage } from './security-headers';

/**
 * Pages the build renders once, each with the path of its rendered twin: most visits to them
 * come with no session, no message and no question, in the default language, and need no
 * rendering; the twin serves the others. (Rewriting costs a second pass through the proxy,
 * so the common case is the one that is not rewritten.)
 */
const PRERENDERED: Record<string, string> = { '/login': '/login/rendered' };

// The client router's cache-busting parameter: it asks for the same page.
const ROUTER_PARAM = '_rsc';

/** Whether the prerendered version shows this visitor exactly what rendering would. */
function servesAsPrerendered(request: NextRequest): boolean {
  if (request.method !== 'GET' && request.method !== 'HEAD') return false;
  if ([...request.nextUrl.searchParams.keys()].some((key) => key !== ROUTER_PARAM)) return false;
  const cookieNames = request.cookies.getAll().map((cookie) => cookie.name);
  if (includesSessionCookie(cookieNames) || cookieNames.includes(FLASH_COOKIE)) return false;
  return negotiateLocale(request.cookies.get(LOCALE_COOKIE)?.value, request.headers.get('accept-language')) === DEFAULT_LOCALE;
}

type HashCache = Map<string, string[] | null>;
const globalForHashes = globalThis as unknown as { microblogPrerenderedHashes?: HashCache };
const hashCache: HashCache = (globalForHashes.microblogPrerenderedHashes ??= new Map());

/**
 * The SHA-256 of each inline script of the page as the build wrote it (what the CSP must
 * allow), read once per process; null where the build left no file, as under `next dev`
 * or a host that serves it from elsewhere: the page is then rendered as any other.
 */
function inlineScriptHashes(prerenderedPath: string): string[] | null {
  if (hashCache.has(prerenderedPath)) return hashCache.get(prerenderedPath) ?? null;
  let hashes: string[] | null = null;
  try {
    if (process.env.NODE_ENV !== 'production') throw new Error('a development server renders every page');
    const html = readFileSync(join(process.cwd(), '.next', 'server', 'app', `${prerenderedPath}.html`), 'utf8');
    hashes = [...html.matchAll(/<script(?![^>]*\ssrc=)[^>]*>([\s\S]*?)<\/script>/g)].map((match) =>
      createHash('sha256').update(match[1] ?? '').digest('base64'),
    );
  } catch {
    hashes = null;
  }
  hashCache.set(prerenderedPath, hashes);
  return hashes;
}

/**
 * Proxy step: a page the build rendered, as it is, with a policy that allows its inline
 * scripts by hash, when it shows this visitor what rendering would; else null.
 */
export function servePrerendered(request: NextRequest, forwarded: Headers): NextResponse | null {
  const path = request.nextUrl.pathname;
  const hashes = Object.hasOwn(PRERENDERED, path) && servesAsPrerendered(request) ? inlineScriptHashes(path) : null;
  if (!hashes) return null;
  const response = hashThePage(hashes)(NextResponse.next({ request: { headers: forwarded } }));
  // Who gets this page depends on cookies and Accept-Language: no shared cache may keep it.
  response.headers.set('Cache-Control', 'private, no-cache');
  return response;
}

/** Where a page the build rendered is rendered for whoever `servePrerendered` did not serve; else null. */
export function renderedTwin(request: NextRequest): URL | null {
  const rendered = PRERENDERED[request.nextUrl.pathname];
  return rendered ? new URL(`${rendered}${request.nextUrl.search}`, request.nextUrl) : null;
}

/**
 * The path people ask for, given a rendered twin's: a client component on the twin sees
 * the twin's path while rendering on the server, and a link back must not keep it.
 */
export function askedPath(path: string): string {
  for (const [asked, twin] of Object.entries(PRERENDERED)) {
    if (path === twin || path.startsWith(`${twin}?`)) return `${asked}${path.slice(twin.length)}`;
  }
  return path;
}
