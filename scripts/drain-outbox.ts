// A drainer outside the web server: `npm run drain` sends what the outbox holds and
// keeps watching it. Tests start several to prove two never send the same message.
import { parseArgs } from 'node:util';
import { setTimeout as sleep } from 'node:timers/promises';
import { closeMailTransport, drainOutbox, stopDraining } from '@/lib/mail/drain';

const { values } = parseArgs({
  options: {
    once: { type: 'boolean', default: false },
    'lease-ms': { type: 'string', default: '60000' },
    'batch-size': { type: 'string', default: '100' },
    'interval-ms': { type: 'string', default: '1000' },
  },
});

const options = { leaseMs: Number(values['lease-ms']), batchSize: Number(values['batch-size']), retryBaseMs: 1000 };
let stopped = false;

process.on('SIGTERM', () => {
  stopped = true;
  void stopDraining().then(() => process.exit(0));
});

do {
  const report = await drainOutbox(options);
  if (report.sent + report.retried + report.dead + report.expired > 0) console.log(JSON.stringify(report));
  if (!values.once) await sleep(Number(values['interval-ms']));
} while (!values.once && !stopped);
closeMailTransport();
