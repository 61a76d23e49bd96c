import { request as httpRequest, createServer, type IncomingMessage } from 'node:http';
import { connect } from 'node:net';
import { matchHas } from 'next/dist/shared/lib/router/utils/prepare-destination';
import { describe, expect, it } from 'vitest';
import { PEER_ADDRESS_HEADER, VERCEL_CLIENT_HEADER } from '@/lib/http/client-address';
import { DOOR_CHECKED_HEADER, DOOR_CHECKED_MARK } from '@/lib/http/door-writes';
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

/** What the app behind the door sees of a post: its body, whether the door marked it, the policy it was handed. */
async function echoPost(request: IncomingMessage) {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return {
    body: Buffer.concat(chunks).toString(),
    checked: request.headers[DOOR_CHECKED_HEADER] ?? null,
    listed: Object.keys(request.headers).includes(DOOR_CHECKED_HEADER),
    policy: request.headers['content-security-policy'] ?? null,
  };
}

/** Sends `head` (request line and headers) and `body` as written, and resolves with the status line of the answer. */
function rawRequest(port: number, head: string, body = ''): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => socket.end(`${head}\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`));
    let answer = '';
    socket.on('data', (chunk: Buffer) => (answer += chunk.toString()));
    socket.on('close', () => resolve(answer.split('\r\n')[0] ?? ''));
    socket.on('error', reject);
  });
}

describe('the front door', () => {
  // One door per process, as in the server: the first call sets the limits for all.
  const MAX_IN_FLIGHT = 3;
  const MAX_QUEUE_WAIT_MS = 60_000;
  const held: (() => void)[] = [];
  async function serve() {
    guardFrontDoor({ maxInFlight: MAX_IN_FLIGHT, maxQueueWaitMs: MAX_QUEUE_WAIT_MS });
    const server = createServer((request, response) => {
      if (request.url === '/slow') held.push(() => response.end('slow'));
      else if (request.method === 'POST') void echoPost(request).then((seen) => response.end(JSON.stringify(seen)));
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

  it("runs the proxy's steps for a form post, and hands it on marked, with its nonce and its body", async () => {
    const { server, port } = await serve();
    const response = await fetch(`http://127.0.0.1:${port}/forgot-password`, { method: 'POST', body: new URLSearchParams({ email: 'ann@example.com' }) });
    const seen = (await response.json()) as Awaited<ReturnType<typeof echoPost>>;
    expect(seen.body).toBe('email=ann%40example.com');
    expect(seen.checked).toBe(DOOR_CHECKED_MARK);
    // Read by name, as Next.js's matcher reads it, but never copied on with the other headers.
    expect(seen.listed).toBe(false);
    const nonce = /'nonce-([^']+)'/.exec(String(seen.policy))?.[1];
    expect(nonce).toBeTruthy();
    expect(response.headers.get('content-security-policy')).toContain(`'nonce-${nonce}'`);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    server.close();
  });

  it('hands a post the steps would answer themselves on unmarked, for the proxy to answer', async () => {
    const { server, port } = await serve();
    const headers = { origin: 'https://evil.example' };
    const foreign = (await (await fetch(`http://127.0.0.1:${port}/forgot-password`, { method: 'POST', headers, body: 'email=x' })).json()) as { checked: unknown; body: string };
    expect(foreign).toMatchObject({ checked: null, body: 'email=x' });
    // A members' page without a session cookie: the proxy's answer is a redirect to sign in.
    const signIn = (await (await fetch(`http://127.0.0.1:${port}/settings`, { method: 'POST', body: 'a=1' })).json()) as { checked: unknown };
    expect(signIn.checked).toBeNull();
    // The sign-in page is prerendered: its posts go to the proxy, which sends them to the rendered twin.
    const login = (await (await fetch(`http://127.0.0.1:${port}/login?next=%2F`, { method: 'POST', body: 'a=1' })).json()) as { checked: unknown };
    expect(login.checked).toBeNull();
    server.close();
  });

  it('answers a post whose Host names no host, or whose request line names a whole URL, instead of leaving it waiting', async () => {
    const { server, port } = await serve();
    expect(await rawRequest(port, 'POST /forgot-password HTTP/1.1\r\nHost: a b', 'email=x')).toBe('HTTP/1.1 200 OK');
    expect(await rawRequest(port, 'POST http://a.example/forgot-password HTTP/1.1\r\nHost: a.example', 'email=x')).toBe('HTTP/1.1 200 OK');
    server.close();
  });
});

describe("the proxy's matcher", () => {
  type Conditions = Parameters<typeof matchHas>[2];
  const runsProxy = (headers: Record<string, string>) =>
    proxyConfig.matcher.some((entry) =>
      Boolean(matchHas({ headers } as never, {}, ('has' in entry ? entry.has : []) as Conditions, ('missing' in entry ? entry.missing : []) as Conditions)),
    );

  it('runs the proxy for a request without the door’s mark, whatever else it says', () => {
    expect(runsProxy({})).toBe(true);
    for (const claim of ['1', 'checked', 'checked\\x01', `${DOOR_CHECKED_MARK}x`]) expect(runsProxy({ [DOOR_CHECKED_HEADER]: claim }), claim).toBe(true);
  });

  it('lets Next.js skip the proxy for a request the door marked', () => {
    expect(runsProxy({ [DOOR_CHECKED_HEADER]: DOOR_CHECKED_MARK })).toBe(false);
  });

  it('runs the proxy for any request through Vercel’s edge, marked or not', () => {
    expect(runsProxy({ [DOOR_CHECKED_HEADER]: DOOR_CHECKED_MARK, [VERCEL_CLIENT_HEADER]: '203.0.113.9' })).toBe(true);
  });

  it('uses a mark that no client can send: the server refuses it with 400', async () => {
    const server = createServer((_request, response) => response.end('taken'));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as { port: number }).port;
    expect(await rawRequest(port, `GET / HTTP/1.1\r\nHost: x\r\n${DOOR_CHECKED_HEADER}: ${DOOR_CHECKED_MARK}`)).toBe('HTTP/1.1 400 Bad Request');
    server.close();
  });
});
