import { beforeEach, describe, expect, it } from 'vitest';
import { MAINTENANCE_SOON_INTERVAL_MS, runMaintenanceSoon } from '@/lib/maintenance';
import { emptyOutbox, outboxRows, queueMessages } from './support/outbox-fixtures';

// The test environment has no MAIL_SERVER: a drained message is captured, as on a preview.
const statuses = async () => (await outboxRows()).map((row) => row.status);

let scheduled: (() => Promise<unknown>)[] = [];
const schedule = (task: () => Promise<unknown>) => {
  scheduled.push(task);
};
const runScheduled = async () => {
  const tasks = scheduled;
  scheduled = [];
  await Promise.all(tasks.map((task) => task()));
};

beforeEach(async () => {
  await emptyOutbox();
  scheduled = [];
});

describe('draining due mail from any request', () => {
  it('drains mail that is due once the response is done, and looks at most once an interval per process', async () => {
    const start = 1e9;
    await queueMessages(2, 'due');
    runMaintenanceSoon({ now: start, schedule });
    expect(await statuses()).toEqual(['pending', 'pending']);
    expect(scheduled).toHaveLength(1);
    await runScheduled();
    expect(await statuses()).toEqual(['captured', 'captured']);

    await queueMessages(1, 'later');
    runMaintenanceSoon({ now: start + 1, schedule });
    runMaintenanceSoon({ now: start + MAINTENANCE_SOON_INTERVAL_MS - 1, schedule });
    expect(scheduled).toHaveLength(0);

    runMaintenanceSoon({ now: start + MAINTENANCE_SOON_INTERVAL_MS, schedule });
    expect(scheduled).toHaveLength(1);
    await runScheduled();
    expect(await statuses()).toEqual(['captured', 'captured', 'captured']);
  });
});
