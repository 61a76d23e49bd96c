import autocannon from 'autocannon';
import type { Row } from '../lib/report';
import { formPost } from '../lib/forms';
import { residentMemoryMb } from '../lib/processes';
import { quantile, round } from '../lib/stats';

type App = { url: string; pid: number; knownEmails: string[] };

let clients = 0;
/** A new client address for each request, as a proxy in front of the app would report many browsers. */
const nextClientAddress = () => `10.${(++clients >> 16) & 255}.${(clients >> 8) & 255}.${clients & 255}`;

async function postOnce(app: App, body: Buffer, contentType: string): Promise<number> {
  const start = performance.now();
  const response = await fetch(`${app.url}/forgot-password`, {
    method: 'POST',
    body: new Uint8Array(body),
    headers: { 'content-type': contentType, origin: app.url, 'x-forwarded-for': nextClientAddress() },
    redirect: 'manual',
  });
  await response.arrayBuffer();
  const elapsed = performance.now() - start;
  if (response.status !== 303) throw new Error(`forgot-password answered ${response.status}`);
  return elapsed;
}

/** Scenario 1: 200 plain form posts, known and unknown emails interleaved, while SMTP takes 2 s a message. */
export async function resetWhileMailIsSlow(app: App): Promise<Row[]> {
  const known: number[] = [];
  const unknown: number[] = [];
  const posts = await Promise.all(
    Array.from({ length: 220 }, (_, index) =>
      formPost(`${app.url}/forgot-password`, {
        email: index % 2 === 0 ? (app.knownEmails[(index / 2) % app.knownEmails.length] ?? '') : `nobody${index}@example.com`,
      }),
    ),
  );
  for (const [index, post] of posts.entries()) {
    const elapsed = await postOnce(app, post.body, post.contentType);
    // The first 20 warm the server up and are not counted.
    if (index >= 20) (index % 2 === 0 ? known : unknown).push(elapsed);
  }
  const ratio = quantile(known, 0.5) / quantile(unknown, 0.5);
  const scenario = 'reset while SMTP is slow (2 s/msg)';
  return [
    { scenario, metric: 'known email p50', value: round(quantile(known, 0.5)), unit: 'ms', target: '< 50', met: quantile(known, 0.5) < 50 },
    { scenario, metric: 'known email p99', value: round(quantile(known, 0.99)), unit: 'ms' },
    { scenario, metric: 'unknown email p50', value: round(quantile(unknown, 0.5)), unit: 'ms', target: '< 50', met: quantile(unknown, 0.5) < 50 },
    { scenario, metric: 'unknown email p99', value: round(quantile(unknown, 0.99)), unit: 'ms' },
    { scenario, metric: 'known / unknown p50', value: round(ratio, 2), unit: 'ratio', target: '≤ 1.1', met: ratio <= 1.1 && ratio >= 1 / 1.1 },
  ];
}

/** Scenario 2 and 5: 50 clients posting the form for 20 s, and the server's memory meanwhile. */
export async function forgotPasswordThroughput(app: App, durationSeconds = 20): Promise<Row[]> {
  const [knownPost, unknownPost] = await Promise.all([
    formPost(`${app.url}/forgot-password`, { email: app.knownEmails[0] ?? '' }),
    formPost(`${app.url}/forgot-password`, { email: 'nobody@example.com' }),
  ]);
  const request = (post: { body: Buffer; contentType: string }) => ({
    method: 'POST' as const,
    path: '/forgot-password',
    body: post.body,
    headers: { 'content-type': post.contentType, origin: app.url },
    setupRequest: (request: autocannon.Request) => ({ ...request, headers: { ...request.headers, 'x-forwarded-for': nextClientAddress() } }),
  });
  let peakMb = await residentMemoryMb(app.pid);
  const sampler = setInterval(() => {
    residentMemoryMb(app.pid).then((mb) => (peakMb = Math.max(peakMb, mb)), () => undefined);
  }, 100);
  const result = await autocannon({
    url: app.url,
    connections: 50,
    duration: durationSeconds,
    requests: [request(knownPost), request(unknownPost)],
  });
  clearInterval(sampler);
  const failures = result.errors + result.timeouts + result['4xx'] + result['5xx'];
  const scenario = 'forgot-password, 50 clients, 20 s';
  return [
    { scenario, metric: 'throughput', value: round(result.requests.average, 0), unit: 'req/s' },
    { scenario, metric: 'p50 latency', value: result.latency.p50, unit: 'ms' },
    { scenario, metric: 'p99 latency', value: result.latency.p99, unit: 'ms' },
    { scenario, metric: 'errors (incl. 4xx/5xx, timeouts)', value: failures, unit: 'count', target: '0', met: failures === 0 },
    { scenario: 'memory', metric: 'server peak RSS during the load', value: round(peakMb, 0), unit: 'MB' },
  ];
}
