// Plain JavaScript, so that scripts/start.mjs (which runs before anything Next.js builds)
// and lib/http/connection-helpers.ts replace a dead process by the same rule.

/** Deaths within `withinMs` that mean a crash loop: the process is not replaced again. */
export const CRASH_LOOP = { deaths: 5, withinMs: 60_000 };
/** The wait before a dead process is replaced, doubled for each recent death. */
const FIRST_RESTART_DELAY_MS = 1_000;

/**
 * Counts the deaths of a group of processes. Each call notes one and answers how long to
 * wait before replacing it (1 s, then 2, 4, 8 s while they keep dying), or null once
 * CRASH_LOOP.deaths have died within CRASH_LOOP.withinMs.
 * @param {() => number} [now] for tests
 * @returns {() => number | null}
 */
export function restartSchedule(now = Date.now) {
  /** @type {number[]} */
  const deaths = [];
  return () => {
    const at = now();
    deaths.push(at);
    while ((deaths[0] ?? at) <= at - CRASH_LOOP.withinMs) deaths.shift();
    return deaths.length >= CRASH_LOOP.deaths ? null : FIRST_RESTART_DELAY_MS * 2 ** (deaths.length - 1);
  };
}
