import { describe, expect, it } from 'vitest';
import { HashingBusy, withHashSlot } from '@/lib/auth/hash-slots';
import { usableCores } from '@/lib/usable-cores.mjs';

const slots = usableCores();

function gate() {
  let open: () => void = () => undefined;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { open, opened };
}

describe('password hash slots', () => {
  it('runs no more hashes at once than there are cores, and lets sign-ins go first', async () => {
    const busy = gate();
    const order: string[] = [];
    let running = 0;
    let most = 0;
    const job = (name: string, use: 'verify' | 'create', wait?: Promise<void>) =>
      withHashSlot(use, async () => {
        running += 1;
        most = Math.max(most, running);
        await wait;
        order.push(name);
        running -= 1;
      });
    const holders = Array.from({ length: slots }, (_, index) => job(`holder${index}`, 'create', busy.opened));
    const queued = [job('sign-up', 'create'), job('sign-in', 'verify')];
    busy.open();
    await Promise.all([...holders, ...queued]);
    expect(most).toBe(slots);
    expect(order.indexOf('sign-in')).toBeLessThan(order.indexOf('sign-up'));
  });

  it('refuses new hashes once 32 are waiting, but never a sign-in', async () => {
    const busy = gate();
    const holders = Array.from({ length: slots }, () => withHashSlot('create', () => busy.opened));
    const waiting = Array.from({ length: 32 }, () => withHashSlot('create', async () => undefined));
    await expect(withHashSlot('create', async () => undefined)).rejects.toBeInstanceOf(HashingBusy);
    const signIn = withHashSlot('verify', async () => 'in');
    busy.open();
    await Promise.all([...holders, ...waiting]);
    expect(await signIn).toBe('in');
  });
});
