import { describe, expect, it } from 'vitest';
import { CRASH_LOOP, restartSchedule } from '@/lib/restart-schedule.mjs';

describe('restartSchedule', () => {
  it('waits 1 s, then 2, 4 and 8 s while processes keep dying, and gives up at the fifth death in a minute', () => {
    let now = 0;
    const afterDeath = restartSchedule(() => now);
    const delays = [1, 2, 3, 4, 5].map(() => {
      now += 1_000;
      return afterDeath();
    });
    expect(delays).toEqual([1_000, 2_000, 4_000, 8_000, null]);
    expect(CRASH_LOOP.deaths).toBe(5);
  });

  it('forgets deaths older than a minute', () => {
    let now = 0;
    const afterDeath = restartSchedule(() => now);
    for (let death = 0; death < 4; death += 1) afterDeath();
    now = CRASH_LOOP.withinMs;
    expect(afterDeath()).toBe(1_000);
  });
});
