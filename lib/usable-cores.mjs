// Plain JavaScript, so that scripts/start.mjs (which runs before anything Next.js builds)
// and lib/config.ts count the cores the same way.
import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';

/** @param {string} path */
function readOrNull(path) {
  try {
    return readFileSync(path, 'utf8').trim();
  } catch {
    return null;
  }
}

/**
 * The CPUs a container's quota allows (cgroup v2's cpu.max, else v1's CFS quota), or null
 * with no quota: `os.availableParallelism()` counts the host's cores, so a container given
 * one CPU of 32 would otherwise start 32 server processes.
 * @param {(path: string) => string | null} read
 * @returns {number | null}
 */
function cpuQuota(read) {
  const cpuMax = read('/sys/fs/cgroup/cpu.max');
  if (cpuMax !== null) {
    const [quota, period] = cpuMax.split(/\s+/).map(Number);
    return quota && period ? quota / period : null;
  }
  const quota = Number(read('/sys/fs/cgroup/cpu/cpu.cfs_quota_us'));
  const period = Number(read('/sys/fs/cgroup/cpu/cpu.cfs_period_us'));
  return quota > 0 && period > 0 ? quota / period : null;
}

/**
 * How many server processes use this machine: one per core, or per whole CPU of a
 * container's quota (rounded up), at least one.
 * @param {{ cores?: number, read?: (path: string) => string | null }} [machine] for tests
 * @returns {number}
 */
export function usableCores({ cores = availableParallelism(), read = readOrNull } = {}) {
  const quota = cpuQuota(read);
  return quota === null ? cores : Math.max(1, Math.min(cores, Math.ceil(quota)));
}
