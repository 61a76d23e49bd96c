import { request as httpRequest, createServer } from 'node:http';
import { describe, expect, it } from 'vitest';
import { PEER_ADDRESS_HEADER, VERCEL_CLIENT_HEADER } from '@/lib/http/client-address';
import { DOOR_CHECKED_HEADER } from '@/lib/http/door-writes';
import { guardFrontDoor } from '@/lib/http/front-door';
import { refuseOddRequest } from '@/lib/http/refuse-odd-requests';
import { safeRedirectPath } from '@/lib/http/safe-redirect';
import { config as proxyConfig } from '@/proxy';

describe('the return path after sign-in', () => {
  it.each([
    ['/explore?page=2', '/explore?page=2'],
    ['/user/ann#posts', '/user/ann#posts'],
    ['/\u3000', '/%E3%80%80'],
    ['/user/张伟', '/user/%E5%BC%A0%E4%BC%9F'],
  ])('keeps %j on this site, percent-encoded, as %j', (given, kept) => {
    expect(safeRedirectPath(given)).toBe(kept);
  });

  it.each([['https://evil.example/'], ['//evil.example/'], ['/\\evil.example/'], ['/\t/evil.example'], ['explore'], [''], [undefined], [['/a']]])(
    'sends %j home instead',
    (given) => {
      expect(safeRedirectPath(given)).toBe('/');
    },
  );
});

describe('requests no route can serve', () => {
  it.each(['TRACE', 'PUT', 'DELETE', 'PATCH'])('refuses %s with 405 and says what is allowed', (method) => {
    const response = refuseOddRequest({ method, url: 'http://app.test/login' });
    expect(response?.status).toBe(405);
    expect(response?.headers.get('allow')).toBe('GET, HEAD, POST, OPTIONS');
  });

  it.each(['/user/%FF', '/user/%', '/api/auth/%FF'])('refuses %s, whose escapes do not decode, with 400', (path) => {
    expect(refuseOddRequest(new Request(`http://app.test${path}`))?.status).toBe(400);
  });

  it.each(['/user/%E5%BC%A0', '/login', '/api/auth/session', '/reset/%E0%A4%A', '/confirm/%FF'])('lets %s through', (path) => {
    expect(refuseOddRequest(new Request(`http://app.test${path}`))).toBeNull();
  });
});

describe('the front door', () => {
  // One door per process, as in the server: the first call sets the limits for all.
  const MAX_IN_FLIGHT = 3;
  const MAX_QUEUE_WAIT_MS = 60_000;
  const held: (() => void)[] = [];
  async function serve() {
    guardFrontDoor({ maxInFlight: MAX_IN_FLIGHT, maxQueueWaitMs: MAX_QUEUE_WAIT_MS });
    const server = createServer((request, response) => {
      if (request.url === '/slow') held.push(() => response.end('slow'));
      else response.end(String(request.headers[PEER_ADDRESS_HEADER]));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return { server, port: (server.address() as { port: number }).port };
  }

  it('overwrites a peer-address header the client forged with the real TCP peer', async () => {
    const { server, port } = await serve();
    const response = await fetch(`http://127.0.0.1:${port}/`, { headers: { [PEER_ADDRESS_HEADER]: '1.2.3.4' } });
    expect(await response.text()).toBe('127.0.0.1');
    server.close();
  });

  it('answers TRACE itself, with 405 and the security headers, before Next.js could fail on it', async () => {
    const { server, port } = await serve();
    const answer = await new Promise<{ status?: number; headers: Record<string, unknown> }>((resolve, reject) => {
      httpRequest({ host: '127.0.0.1', port, method: 'TRACE', path: '/' }, (response) => {
        response.resume();
        resolve({ status: response.statusCode, headers: response.headers });
      })
        .on('error', reject)
        .end();
    });
    expect(answer.status).toBe(405);
    expect(answer.headers['x-content-type-options']).toBe('nosniff');
    server.close();
  });

  it('answers 503 with Retry-After past its limit of requests in flight, and takes requests again once they finish', async () => {
    const { server, port } = await serve();
    const url = `http://127.0.0.1:${port}`;
    const slow = Array.from({ length: MAX_IN_FLIGHT }, () => fetch(`${url}/slow`));
    await expect.poll(() => held.length).toBe(MAX_IN_FLIGHT);
    const refused = await fetch(`${url}/`);
    expect(refused.status).toBe(503);
    expect(refused.headers.get('retry-after')).toBe('1');
    expect(refused.headers.get('x-content-type-options')).toBe('nosniff');
    for (const release of held) release();
    await Promise.all(slow);
    await expect.poll(async () => (await fetch(`${url}/`)).status).toBe(200);
    server.close();
  });
});


describe("the proxy's matcher", () => {
  it('lets Next.js skip the proxy only for a request the front door checked, and never for one through Vercel’s edge', () => {
    const everyPathButAssets = '/((?!_next/static/|_next/image$|favicon\\.ico$).*)';
    expect(proxyConfig.matcher).toEqual([
      { source: everyPathButAssets, missing: [{ type: 'header', key: DOOR_CHECKED_HEADER }] },
      { source: everyPathButAssets, has: [{ type: 'header', key: VERCEL_CLIENT_HEADER }] },
    ]);
  });
});
