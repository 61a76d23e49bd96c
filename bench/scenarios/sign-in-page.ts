import autocannon from 'autocannon';
import type { Row } from '../lib/report';
import { round } from '../lib/stats';

type App = { url: string };

const WARM_UP_SECONDS = 3;

async function load(app: App, path: string, connections: number, durationSeconds: number) {
  return autocannon({ url: `${app.url}${path}`, connections, duration: durationSeconds });
}

/**
 * GET /login, the page every visitor starts on: as most visitors get it (the build's page) at
 * 50 clients; and, for overload, as rendered per request (a return path asks for that) at 200.
 * `server` names how the app was started, in each row. The overload targets are for `npm start`,
 * the server the README deploys; `next start` (with its helpers) is shown beside it, untargeted.
 */
export async function signInPageUnderLoad(app: App, server: string, durationSeconds = 10): Promise<Row[]> {
  // Warmed up first, as any server is before it meets a crowd: a process that has never
  // rendered the page spends its first seconds compiling, which is not what is measured here.
  await load(app, '/login', 10, WARM_UP_SECONDS);
  const normal = await load(app, '/login', 50, durationSeconds);
  await load(app, '/login?next=%2Fexplore', 10, WARM_UP_SECONDS);
  const overload = await load(app, '/login?next=%2Fexplore', 200, durationSeconds);
  const refused = overload.statusCodeStats?.['503']?.count ?? 0;
  const failures = overload.errors + overload.timeouts + overload['5xx'] - refused;
  const targeted = server === 'npm start';
  const normalScenario = `GET /login, 50 clients [${server}]`;
  const overloadScenario = `GET /login?next=…, rendered, 200 clients (overload) [${server}]`;
  return [
    { scenario: normalScenario, metric: 'throughput', value: round(normal.requests.average, 0), unit: 'req/s' },
    { scenario: normalScenario, metric: 'p50 latency', value: normal.latency.p50, unit: 'ms' },
    { scenario: normalScenario, metric: 'p99 latency', value: normal.latency.p99, unit: 'ms' },
    { scenario: overloadScenario, metric: 'throughput (answered 200)', value: round((overload['2xx'] ?? 0) / durationSeconds, 0), unit: 'req/s' },
    { scenario: overloadScenario, metric: 'p99 latency, every answer', value: overload.latency.p99, unit: 'ms', ...(targeted && { target: '< 2000', met: overload.latency.p99 < 2000 }) },
    { scenario: overloadScenario, metric: 'answered 503 Retry-After', value: refused, unit: 'count' },
    { scenario: overloadScenario, metric: 'errors, timeouts, other 5xx', value: failures, unit: 'count', ...(targeted && { target: '0', met: failures === 0 }) },
  ];
}
