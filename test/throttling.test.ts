import { createServer } from 'node:http';
import { describe, expect, it } from 'vitest';
import { authenticate } from '@/lib/auth/authenticate';
import { registerUser } from '@/lib/auth/registration';
import { maySignIn, noteSignedIn } from '@/lib/auth/throttling';
import { addressFromHeaders, PEER_ADDRESS_HEADER, stampPeerAddresses } from '@/lib/http/client-address';

const MINUTE = 60_000;

describe('sign-in attempts', () => {
  it('allows five quick tries at an account, then makes each wait twice as long as the last, from 30 s', () => {
    const start = 1_000_000_000_000;
    const SECOND = 1_000;
    for (let attempt = 0; attempt < 5; attempt++) expect(maySignIn('victim', '203.0.113.1', start)).toBe(true);
    expect(maySignIn('victim', '203.0.113.2', start + 29 * SECOND)).toBe(false);
    expect(maySignIn('victim', '203.0.113.2', start + 30 * SECOND)).toBe(true);
    expect(maySignIn('victim', '203.0.113.3', start + 89 * SECOND)).toBe(false);
    expect(maySignIn('victim', '203.0.113.3', start + 90 * SECOND)).toBe(true);
    expect(maySignIn('victim', '203.0.113.4', start + 209 * SECOND)).toBe(false);
    expect(maySignIn('victim', '203.0.113.4', start + 210 * SECOND)).toBe(true);
  });

  it('counts an account the same whatever the case of its name', () => {
    const start = 1_100_000_000_000;
    for (let attempt = 0; attempt < 5; attempt++) maySignIn(attempt % 2 ? 'Casey' : 'CASEY', `203.0.113.${10 + attempt}`, start);
    expect(maySignIn('casey', '203.0.113.20', start)).toBe(false);
  });

  it('forgets the tries after 15 quiet minutes', () => {
    const start = 1_200_000_000_000;
    for (let attempt = 0; attempt < 12; attempt++) maySignIn('forgotten', '203.0.113.30', start + attempt * 20 * MINUTE);
    expect(maySignIn('forgotten', '203.0.113.30', start + 12 * 20 * MINUTE)).toBe(true);
  });

  it('starts an account afresh after a successful sign-in', () => {
    const start = 1_300_000_000_000;
    for (let attempt = 0; attempt < 5; attempt++) maySignIn('owner', '203.0.113.40', start);
    noteSignedIn('owner', '203.0.113.40');
    expect(maySignIn('owner', '203.0.113.40', start)).toBe(true);
  });

  it('slows one address trying many accounts', () => {
    const start = 1_400_000_000_000;
    for (let attempt = 0; attempt < 20; attempt++) expect(maySignIn(`spray${attempt}`, '203.0.113.50', start)).toBe(true);
    expect(maySignIn('spray-next', '203.0.113.50', start)).toBe(false);
  });
});

describe('authenticate', () => {
  it('refuses even the right password once an account has had five quick wrong ones', async () => {
    await registerUser({ username: 'guarded', email: 'guarded@example.com', password: 'the right password' }, '192.0.2.251');
    for (let attempt = 0; attempt < 5; attempt++) {
      expect(await authenticate('guarded', `wrong guess ${attempt}`, `203.0.113.${60 + attempt}`)).toEqual({ ok: false, reason: 'invalid' });
    }
    expect(await authenticate('guarded', 'the right password', '203.0.113.70')).toEqual({ ok: false, reason: 'throttled' });
  });
});

describe('the client address', () => {
  const headers = (entries: Record<string, string>) => new Headers(entries);

  it('is the TCP peer when the app is not behind a proxy, whatever X-Forwarded-For says', () => {
    const forged = headers({ 'x-forwarded-for': '1.2.3.4', [PEER_ADDRESS_HEADER]: '198.51.100.9' });
    expect(addressFromHeaders(forged, false)).toBe('198.51.100.9');
  });

  it('is the entry the trusted proxy appended, not one the client wrote before it', () => {
    const forwarded = headers({ 'x-forwarded-for': '1.2.3.4, 198.51.100.9', [PEER_ADDRESS_HEADER]: '10.0.0.1' });
    expect(addressFromHeaders(forwarded, true)).toBe('198.51.100.9');
  });
});

describe('the peer address stamp', () => {
  it('overwrites a peer-address header the client forged with the real TCP peer', async () => {
    stampPeerAddresses();
    const server = createServer((request, response) => response.end(String(request.headers[PEER_ADDRESS_HEADER])));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as { port: number };
    const response = await fetch(`http://127.0.0.1:${port}/`, { headers: { [PEER_ADDRESS_HEADER]: '1.2.3.4' } });
    expect(await response.text()).toBe('127.0.0.1');
    server.close();
  });
});
