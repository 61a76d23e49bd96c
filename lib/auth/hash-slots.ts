import 'server-only';
import { getConfig } from '@/lib/config';
import { usableCores } from '@/lib/usable-cores.mjs';

/** A new password's hash was refused because too many are waiting already; the form asks to retry. */
export class HashingBusy extends Error {
  override name = 'HashingBusy';
}

export type HashUse = 'verify' | 'create';

// One scrypt job holds 128 MiB and a core for a third of a second: more at once than there
// are cores only adds memory and latency. Waiting jobs cost a few bytes each. The server
// processes (`npm start`'s workers, or `next start` and its helpers) share the cores, so
// each takes its share (at least one).
const slotCount = () => Math.max(1, Math.floor(usableCores() / getConfig().serverProcesses));
// New hashes (sign-ups, password changes) past this many waiting are refused, so a flood of
// sign-ups cannot queue a real user's sign-in behind minutes of work.
const MAX_WAITING_CREATES = 32;

type Waiter = () => void;
type Slots = { limit?: number; running: number; verifies: Waiter[]; creates: Waiter[] };

// Per process: every bundle's copy of this module must share the same slots.
const globalForSlots = globalThis as unknown as { microblogHashSlots?: Slots };
const slots = (globalForSlots.microblogHashSlots ??= { running: 0, verifies: [], creates: [] });

function release(): void {
  const next = slots.verifies.shift() ?? slots.creates.shift();
  if (next) next();
  else slots.running -= 1;
}

/**
 * Runs a password hash when a slot is free. Sign-ins (`verify`) go ahead of new hashes
 * (`create`), so the people who already have an account get in first.
 */
export async function withHashSlot<T>(use: HashUse, work: () => Promise<T>): Promise<T> {
  // Counted at first use, not on import: the settings are read once the server has checked them.
  if (slots.running < (slots.limit ??= slotCount())) slots.running += 1;
  else {
    const queue = use === 'verify' ? slots.verifies : slots.creates;
    if (use === 'create' && queue.length >= MAX_WAITING_CREATES) throw new HashingBusy('too many password hashes waiting');
    await new Promise<void>((resolve) => queue.push(resolve));
  }
  try {
    return await work();
  } finally {
    release();
  }
}
