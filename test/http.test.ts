import { describe, expect, it } from 'vitest';
import { refuseOddRequest } from '@/lib/http/refuse-odd-requests';
import { safeRedirectPath } from '@/lib/http/safe-redirect';

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

  it.each(['/user/%E5%BC%A0', '/login', '/api/auth/session'])('lets %s through', (path) => {
    expect(refuseOddRequest(new Request(`http://app.test${path}`))).toBeNull();
  });
});
