import { RESET_PASSWORD, signToken, verifyToken } from '@/lib/tokens';
import type { Row } from '../lib/report';
import { round } from '../lib/stats';

const ITERATIONS = 100_000;

async function microsecondsPerCall(token: string): Promise<number> {
  for (let index = 0; index < 1000; index += 1) await verifyToken(token, RESET_PASSWORD);
  const start = performance.now();
  for (let index = 0; index < ITERATIONS; index += 1) await verifyToken(token, RESET_PASSWORD);
  return ((performance.now() - start) * 1000) / ITERATIONS;
}

/** Scenario 3: what the proxy pays to check a reset link, in-process. */
export async function tokenVerifyCost(): Promise<Row[]> {
  const { token } = await signToken({ userId: 1, purpose: RESET_PASSWORD, boundTo: 'scrypt$bench' });
  const tampered = `${token.slice(0, -4)}AAAA`;
  const scenario = `token check (${ITERATIONS.toLocaleString('en')} calls)`;
  return [
    { scenario, metric: 'valid token', value: round(await microsecondsPerCall(token)), unit: 'µs/call' },
    { scenario, metric: 'bad signature', value: round(await microsecondsPerCall(tampered)), unit: 'µs/call' },
  ];
}
