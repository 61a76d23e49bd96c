import { setImmediate as nextTurn } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { createTurnQueue, type Waiting } from '@/lib/http/turn-queue';

function request(name: string, log: string[], { first = false, abandoned = false } = {}): Waiting {
  return {
    first,
    begin: () => log.push(`begin ${name}`),
    refuse: () => log.push(`refuse ${name}`),
    abandoned: () => abandoned,
  };
}

describe('the turn queue', () => {
  it('begins two requests per turn of the event loop, the rest in the order they came', async () => {
    const log: string[] = [];
    const queue = createTurnQueue({ perTurn: 2, maxWaitMs: 60_000 });
    for (const name of ['a', 'b', 'c', 'd', 'e']) queue.admit(request(name, log));
    expect(log).toEqual(['begin a', 'begin b']);
    await nextTurn();
    expect(log).toEqual(['begin a', 'begin b', 'begin c', 'begin d']);
    await nextTurn();
    expect(log.at(-1)).toBe('begin e');
    expect(queue.waiting).toBe(0);
  });

  it("puts a connection's first request ahead of later requests on connections already served", async () => {
    const log: string[] = [];
    const queue = createTurnQueue({ perTurn: 1, maxWaitMs: 60_000 });
    queue.admit(request('a', log));
    queue.admit(request('again', log));
    queue.admit(request('new', log, { first: true }));
    await nextTurn();
    expect(log).toEqual(['begin a', 'begin new']);
    await nextTurn();
    expect(log).toEqual(['begin a', 'begin new', 'begin again']);
  });

  it('refuses a request that waited past the limit, and begins the next one in its place', async () => {
    const log: string[] = [];
    let clock = 0;
    const queue = createTurnQueue({ perTurn: 1, maxWaitMs: 2_000, now: () => clock });
    queue.admit(request('a', log));
    queue.admit(request('stale', log));
    clock = 1_000;
    queue.admit(request('fresh', log));
    clock = 2_500;
    await nextTurn();
    expect(log).toEqual(['begin a', 'refuse stale', 'begin fresh']);
  });

  it('skips a request whose client left while it waited', async () => {
    const log: string[] = [];
    const queue = createTurnQueue({ perTurn: 1, maxWaitMs: 60_000 });
    queue.admit(request('a', log));
    queue.admit(request('gone', log, { abandoned: true }));
    queue.admit(request('b', log));
    await nextTurn();
    expect(log).toEqual(['begin a', 'begin b']);
    expect(queue.waiting).toBe(0);
  });
});
