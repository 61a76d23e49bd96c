import { gzipSync } from 'node:zlib';
import type { Row } from '../lib/report';
import { round } from '../lib/stats';

const BUDGET_KB = 130;

/** Scenario 4: the JavaScript a first visit downloads, gzipped, as the page's own script tags list it. */
export async function pageWeight(appUrl: string, pages: Record<string, string>): Promise<Row[]> {
  const rows: Row[] = [];
  const cache = new Map<string, number>();
  for (const [label, path] of Object.entries(pages)) {
    const html = await (await fetch(`${appUrl}${path}`)).text();
    const scripts = new Set([...html.matchAll(/<script[^>]+src="([^"]+\.js)"/g)].map((match) => match[1] ?? ''));
    let bytes = 0;
    for (const src of scripts) {
      if (!cache.has(src)) cache.set(src, gzipSync(Buffer.from(await (await fetch(new URL(src, appUrl))).arrayBuffer())).length);
      bytes += cache.get(src) ?? 0;
    }
    const kb = bytes / 1024;
    rows.push({ scenario: 'first-load JS (gzip)', metric: label, value: round(kb), unit: 'kB', target: `≤ ${BUDGET_KB}`, met: kb <= BUDGET_KB });
  }
  return rows;
}
