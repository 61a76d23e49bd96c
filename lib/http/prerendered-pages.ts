import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { NextResponse, type NextRequest } from 'next/server';
import { includesSessionCookie } from '@/auth.config';
import { DEFAULT_LOCALE, LOCALE_COOKIE } from '@/i18n/locales';
import { negotiateLocale } from '@/i18n/negotiate';
import { FLASH_COOKIE } from '@/lib/flash/names';
import { prerenderedPageHeaders } from './security-headers';
import { urlHere } from './same-origin';

/**
 * Pages the build renders once, each with the path of its rendered twin: most visits to them
 * come with no session, no message and no question, in the default language, and need no
 * rendering; the twin serves the others. (The common case is the one not rewritten, so a
 * long-running server's front door can answer it before Next.js: see serve-as-built.ts.)
 */
const PRERENDERED: Record<string, string> = { '/login': '/login/rendered' };

// The client router's cache-busting parameter: it asks for the same page.
const ROUTER_PARAM = '_rsc';

/** What decides whether a visitor gets the page as built, however the request arrived. */
export type Visit = { method: string; pathname: string; queryKeys: string[]; cookies: ReadonlyMap<string, string>; acceptLanguage: string | null };

/** Whether the build rendered a page for this path: the one question every request is asked. */
export function isPrerendered(pathname: string): boolean {
  return Object.hasOwn(PRERENDERED, pathname);
}

/** Whether the prerendered version shows this visitor exactly what rendering would. */
function servesAsBuilt(visit: Visit): boolean {
  if (!isPrerendered(visit.pathname)) return false;
  if (visit.method !== 'GET' && visit.method !== 'HEAD') return false;
  if (visit.queryKeys.some((key) => key !== ROUTER_PARAM)) return false;
  if (includesSessionCookie(visit.cookies.keys()) || visit.cookies.has(FLASH_COOKIE)) return false;
  return negotiateLocale(visit.cookies.get(LOCALE_COOKIE), visit.acceptLanguage) === DEFAULT_LOCALE;
}

/** A page as the build wrote it, and the headers it goes out with. */
export type BuiltPage = { html: Buffer; gzipped: Buffer; headers: Record<string, string> };

type PageCache = Map<string, BuiltPage | null>;
const globalForPages = globalThis as unknown as { microblogBuiltPages?: PageCache };
const pageCache: PageCache = (globalForPages.microblogBuiltPages ??= new Map());

/**
 * The page as the build wrote it, read once per process, with a policy allowing the SHA-256
 * of each of its inline scripts; null where the build left no file, as under `next dev` or a
 * host that keeps it elsewhere: the page is then rendered as any other.
 */
function builtPage(path: string): BuiltPage | null {
  if (pageCache.has(path)) return pageCache.get(path) ?? null;
  let page: BuiltPage | null = null;
  try {
    if (process.env.NODE_ENV !== 'production') throw new Error('a development server renders every page');
    const html = readFileSync(join(process.cwd(), '.next', 'server', 'app', `${path}.html`));
    const hashes = [...html.toString('utf8').matchAll(/<script(?![^>]*\ssrc=)[^>]*>([\s\S]*?)<\/script>/g)].map((match) =>
      createHash('sha256').update(match[1] ?? '').digest('base64'),
    );
    const headers = {
      ...prerenderedPageHeaders(hashes),
      // Who gets this page depends on cookies and Accept-Language, so no cache may keep it; and
      // the back button after signing in must ask again, to be sent home, not show this page.
      'Cache-Control': 'no-store',
    };
    page = { html, gzipped: gzipSync(html), headers };
  } catch {
    page = null;
  }
  pageCache.set(path, page);
  return page;
}

/** The page as built for this visit, when it shows this visitor what rendering would; else null. */
export function asBuiltFor(visit: Visit): BuiltPage | null {
  return servesAsBuilt(visit) ? builtPage(visit.pathname) : null;
}

/**
 * Proxy step: a page the build rendered, with its own headers, when it shows this visitor
 * what rendering would; else null. (A long-running server's front door answers most of
 * these before Next.js: see serve-as-built.ts. On a host whose proxy cannot read the build's
 * file, Vercel's likely among them, every visit goes to the rendered twin.)
 */
export function servePrerendered(request: NextRequest, forwarded: Headers): NextResponse | null {
  if (!isPrerendered(request.nextUrl.pathname)) return null;
  const page = asBuiltFor({
    method: request.method,
    pathname: request.nextUrl.pathname,
    queryKeys: [...request.nextUrl.searchParams.keys()],
    cookies: new Map(request.cookies.getAll().map((cookie) => [cookie.name, cookie.value])),
    acceptLanguage: request.headers.get('accept-language'),
  });
  if (!page) return null;
  const response = NextResponse.next({ request: { headers: forwarded } });
  for (const [name, value] of Object.entries(page.headers)) response.headers.set(name, value);
  return response;
}

/** Where a page the build rendered is rendered for whoever `servePrerendered` did not serve; else null. */
export function renderedTwin(request: NextRequest): URL | null {
  const rendered = PRERENDERED[request.nextUrl.pathname];
  return rendered ? urlHere(`${rendered}${request.nextUrl.search}`, request) : null;
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
