import { setTimeout as sleep } from 'node:timers/promises';

/**
 * Runs `work` and answers no sooner than `budgetMs` after it started, so answers that
 * do different work (mail an owner, or not) take the same time. Random delays would
 * average out; a fixed budget leaves nothing to average.
 */
export async function withinTimeBudget<T>(budgetMs: number, work: () => Promise<T>): Promise<T> {
  const started = performance.now();
  const result = await work();
  const left = budgetMs - (performance.now() - started);
  if (left > 0) await sleep(left);
  return result;
}
