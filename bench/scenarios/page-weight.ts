import { gzipSync } from 'node:zlib';
import type { Row } from '../lib/report';
import { round } from '../lib/stats';

const BUDGET_KB = 130;

/** The scripts a modern browser downloads for the page: `noModule` ones (legacy polyfills) it skips. */
function scriptsOf(html: string): Set<string> {
  const tags = [...html.matchAll(/<script\b[^>]*>/g)].map((match) => match[0]);
  return new Set(tags.filter((tag) => !/\bnoModule\b/i.test(tag)).flatMap((tag) => tag.match(/\bsrc="([^"]+\.js)"/)?.[1] ?? []));
}

/**
 * Scenario 4: the JavaScript a first visit downloads, gzipped, as the page's own script
 * tags list it; and how much of it every page shares (React and Next.js's runtime).
 */
export async function pageWeight(appUrl: string, pages: Record<string, string>): Promise<Row[]> {
  const rows: Row[] = [];
  const gzipped = new Map<string, number>();
  const sizeOf = async (src: string) => {
    if (!gzipped.has(src)) gzipped.set(src, gzipSync(Buffer.from(await (await fetch(new URL(src, appUrl))).arrayBuffer())).length);
    return gzipped.get(src) ?? 0;
  };
  let shared: Set<string> | undefined;
  for (const [label, path] of Object.entries(pages)) {
    const scripts = scriptsOf(await (await fetch(`${appUrl}${path}`)).text());
    shared = shared ? new Set([...shared].filter((src) => scripts.has(src))) : scripts;
    let bytes = 0;
    for (const src of scripts) bytes += await sizeOf(src);
    const kb = bytes / 1024;
    rows.push({ scenario: 'first-load JS (gzip)', metric: label, value: round(kb), unit: 'kB', target: `≤ ${BUDGET_KB}`, met: kb <= BUDGET_KB });
  }
  let sharedBytes = 0;
  for (const src of shared ?? []) sharedBytes += await sizeOf(src);
  rows.push({ scenario: 'first-load JS (gzip)', metric: 'of which shared by all (framework)', value: round(sharedBytes / 1024), unit: 'kB' });
  return rows;
}
