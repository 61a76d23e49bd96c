// A drainer outside the web server: `npm run drain` sends what the outbox holds and
// keeps watching it; SIGTERM stops it as it stops the server. Tests start several to
// prove two never send the same message.
import { parseArgs } from 'node:util';
import { setTimeout as sleep } from 'node:timers/promises';
import { closeDb } from '@/lib/db/client';
import { requestDrain, stopDraining, type DrainOptions } from '@/lib/mail';

const { values } = parseArgs({
  options: {
    once: { type: 'boolean', default: false },
    'interval-ms': { type: 'string', default: '1000' },
    // Unset: the drain's own defaults, as in the server.
    'lease-ms': { type: 'string' },
    'batch-size': { type: 'string' },
    'grace-ms': { type: 'string' },
  },
});

const number = (value: string | undefined) => (value === undefined ? undefined : Number(value));
const options: DrainOptions = Object.fromEntries(
  Object.entries({ leaseMs: number(values['lease-ms']), batchSize: number(values['batch-size']), retryBaseMs: 1000 }).filter(
    ([, value]) => value !== undefined,
  ),
);
const graceMs = number(values['grace-ms']);
let stopping = false;

process.once('SIGTERM', () => {
  stopping = true;
  void stopDraining({ graceMs })
    .then(closeDb)
    .then(() => process.exit(0));
});

do {
  const report = await requestDrain(options);
  if (report.sent + report.retried + report.dead + report.expired > 0) console.log(JSON.stringify(report));
  if (!values.once) await sleep(Number(values['interval-ms']));
} while (!values.once && !stopping);
// Closing the pool lets the process end; on SIGTERM the handler above does it after its stop.
if (!stopping) {
  await stopDraining({ graceMs: 0 });
  await closeDb();
}
