import { gzipSync } from 'node:zlib';
import type { Row } from '../lib/report';
import { round } from '../lib/stats';

/** How much a form may add to what a page with no form loads; the rest belongs to React, Next.js and the layout. */
const FORM_MARGIN_KB = 15;

/** The scripts a modern browser downloads for the page: `noModule` ones (legacy polyfills) it skips. */
function scriptsOf(html: string): Set<string> {
  const tags = [...html.matchAll(/<script\b[^>]*>/g)].map((match) => match[0]);
  return new Set(tags.filter((tag) => !/\bnoModule\b/i.test(tag)).flatMap((tag) => tag.match(/\bsrc="([^"]+\.js)"/)?.[1] ?? []));
}

// A page with no form of its own: what it loads is React, Next.js's runtime and the layout.
const FLOOR_PAGE = '/bench-page-that-does-not-exist';

/**
 * Scenario 4: the JavaScript a first visit downloads, gzipped, as the page's own script
 * tags list it, against what a page with no form at all (the 404 page, seen with the same
 * `cookie`) loads. `cookie` signs the visits in, for pages only members see.
 */
export async function pageWeight(appUrl: string, pages: Record<string, string>, cookie?: string): Promise<Row[]> {
  const headers = cookie ? { cookie } : undefined;
  const gzipped = new Map<string, number>();
  const sizeOf = async (src: string) => {
    if (!gzipped.has(src)) gzipped.set(src, gzipSync(Buffer.from(await (await fetch(new URL(src, appUrl))).arrayBuffer())).length);
    return gzipped.get(src) ?? 0;
  };
  const firstLoadKb = async (path: string) => {
    let bytes = 0;
    for (const src of scriptsOf(await (await fetch(`${appUrl}${path}`, { headers })).text())) bytes += await sizeOf(src);
    return bytes / 1024;
  };
  const floor = await firstLoadKb(FLOOR_PAGE);
  const scenario = `first-load JS (gzip)${cookie ? ', signed in' : ''}`;
  const rows: Row[] = [];
  for (const [label, path] of Object.entries(pages)) {
    const kb = await firstLoadKb(path);
    rows.push({ scenario, metric: label, value: round(kb), unit: 'kB', target: `≤ 404 + ${FORM_MARGIN_KB} (${round(floor + FORM_MARGIN_KB)})`, met: kb - floor <= FORM_MARGIN_KB });
  }
  rows.push({ scenario, metric: 'a page with no form (the 404 page)', value: round(floor), unit: 'kB' });
  return rows;
}
