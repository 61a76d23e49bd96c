import 'server-only';
import { setFlagsFromString } from 'node:v8';

/**
 * V8 optimises a function only after it has run its budget of bytecode (132 KB) a few
 * times over, and many more times for a large function; Next.js's request path is made of
 * large ones. So a fresh server process served the forgot post at half its later speed,
 * p99 near 200 ms, for its first few thousand requests: 6–8 s at 50 clients after every
 * deploy, restart or replaced helper. With 8 KB it is at full speed within about 2 s, and
 * no slower after (bench/README.md). V8 reads the budget each time it resets a
 * function's, so setting it once a process has started applies to the code it runs next.
 */
const INTERRUPT_BUDGET_BYTES = 8 * 1024;

export function tierUpSooner(): void {
  setFlagsFromString(`--interrupt-budget=${INTERRUPT_BUDGET_BYTES}`);
}
