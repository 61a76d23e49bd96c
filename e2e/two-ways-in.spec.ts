import { expect, test } from './fixtures';
import { postForm } from './http/form-post';

// The front door runs the proxy's steps for a form post itself and tells Next.js so, with a
// mark no client can send; Vercel has no door, and there the proxy runs them. A request that
// claims the door checked it must be checked all the same, and a page rendered by a post
// must carry its own policy either way.
const DOOR_CHECKED = { 'x-microblog-door-checked': 'checked' };
const VERCEL_EDGE = { 'x-vercel-forwarded-for': '203.0.113.9' };

function nonceOf(policy: string | undefined): string | undefined {
  return policy?.match(/script-src[^;]*'nonce-([^']+)'/)?.[1];
}

for (const [way, headers] of [
  ['through the front door', {}],
  ['through the proxy, as on Vercel', VERCEL_EDGE],
] as const) {
  test.describe(`a form post ${way}`, () => {
    test('is answered as the form answers it', async ({ request }) => {
      const response = await postForm(request, '/forgot-password', 'email', { email: 'nobody@example.com' }, headers);
      expect(response.status()).toBe(303);
      expect(response.headers()['x-content-type-options']).toBe('nosniff');
    });

    test('renders its answer page under a nonce policy that its every script carries', async ({ request }) => {
      const response = await postForm(request, '/forgot-password', 'email', { email: 'not an address' }, headers);
      expect(response.status()).toBe(200);
      const nonce = nonceOf(response.headers()['content-security-policy']);
      expect(nonce).toBeTruthy();
      const html = await response.text();
      expect(html).toContain('Please enter a valid email address.');
      for (const tag of html.match(/<script\b[^>]*>/g) ?? []) expect(tag).toContain(`nonce="${nonce}"`);
    });

    test('is refused when sent from another site', async ({ request }) => {
      const response = await postForm(request, '/forgot-password', 'email', { email: 'nobody@example.com' }, { ...headers, origin: 'https://evil.example' });
      expect(response.status()).toBe(403);
    });
  });
}

test('a post that claims the door checked it is checked all the same', async ({ request }) => {
  const foreign = await postForm(request, '/forgot-password', 'email', { email: 'nobody@example.com' }, { ...DOOR_CHECKED, origin: 'https://evil.example' });
  expect(foreign.status()).toBe(403);
  const garbled = await request.post('/register', {
    data: '["$nnot a number"]',
    headers: { ...DOOR_CHECKED, 'next-action': '0'.repeat(42), 'content-type': 'text/plain;charset=UTF-8' },
  });
  expect(garbled.status()).toBe(400);
});

test('a page request that claims the door checked it still goes through the proxy', async ({ request }) => {
  const response = await request.get('/explore', { headers: DOOR_CHECKED, maxRedirects: 0 });
  expect(response.status()).toBe(307);
  expect(response.headers().location).toContain('/login?next=%2Fexplore');
});
