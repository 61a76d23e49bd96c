import { createHash } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { avatarFor } from '@/lib/social/avatar';

const PICTURE = Buffer.from([0x89, 0x50, 0x4e, 0x47]);
const md5 = (email: string) => createHash('md5').update(email).digest('hex');
let server: Server;
let baseUrl = '';
const asked: string[] = [];

// Stands in for Gravatar: a picture for ann, nothing for anyone else.
beforeAll(async () => {
  server = createServer((request, response) => {
    asked.push(request.url ?? '');
    if (request.url?.startsWith(`/avatar/${md5('ann@example.com')}?`)) response.writeHead(200, { 'content-type': 'image/png' }).end(PICTURE);
    else response.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as { port: number }).port}/avatar`;
});
afterAll(() => server.close());

const text = (body: Uint8Array) => Buffer.from(body).toString();

describe('avatars', () => {
  it('serves the Gravatar picture of a user who has one, asked for once a day', async () => {
    const ann = { username: 'ann', email: 'Ann@Example.com ' };
    const first = await avatarFor(ann, 36, { baseUrl });
    expect(first.contentType).toBe('image/png');
    expect(Buffer.from(first.body)).toEqual(PICTURE);
    await avatarFor(ann, 36, { baseUrl });
    expect(asked.filter((url) => url.includes(md5('ann@example.com')))).toHaveLength(1);
    expect(asked[0]).toContain('d=404');
  });

  it('draws a letter for a user without a picture', async () => {
    const image = await avatarFor({ username: 'bob', email: 'bob@example.com' }, 128, { baseUrl });
    expect(image.contentType).toBe('image/svg+xml');
    expect(text(image.body)).toContain('>B</text>');
  });

  it('escapes the letter it draws', async () => {
    const image = await avatarFor({ username: '<x', email: 'x@example.com' }, 36, { baseUrl: null });
    expect(text(image.body)).toContain('>&lt;</text>');
  });

  it('draws letters for everyone for a while once Gravatar cannot be reached', async () => {
    const unreachable = 'http://127.0.0.1:9/avatar';
    const started = performance.now();
    const image = await avatarFor({ username: 'cy', email: 'cy@example.com' }, 36, { baseUrl: unreachable });
    expect(image.contentType).toBe('image/svg+xml');
    const before = asked.length;
    const again = await avatarFor({ username: 'ann', email: 'ann@example.com' }, 128, { baseUrl });
    expect(again.contentType).toBe('image/svg+xml');
    expect(asked.length).toBe(before);
    expect(performance.now() - started).toBeLessThan(2_000);
  });
});
