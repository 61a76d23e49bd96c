import 'server-only';
import { setFlagsFromString } from 'node:v8';

/**
 * V8 optimises a function only after it has run its budget of bytecode a few times over,
 * and many more times for a large function; Next.js's request path is made of large ones.
 * So a fresh server process served the forgot post at half its later speed, p99 near
 * 200 ms, for its first few thousand requests: 6–8 s at 50 clients after every deploy,
 * restart or replaced helper. With an 8 KB budget it is at full speed within a few seconds.
 * Alone, that budget compiled so much more at once that a burst of 200 new connections
 * waited past 2 s for its first answers; inlining less into each optimised function makes
 * each compile smaller and keeps that tail under 2 s, a little longer than with V8's
 * defaults, with more answered in all (bench/README.md). V8 reads both each time it resets
 * a function's budget or compiles one, so setting them once a process has started applies
 * to the code it runs next.
 */
const INTERRUPT_BUDGET_BYTES = 8 * 1024;
const MAX_INLINED_BYTECODE_PER_FUNCTION = 600;

export function tierUpSooner(): void {
  setFlagsFromString(`--interrupt-budget=${INTERRUPT_BUDGET_BYTES}`);
  setFlagsFromString(`--max-inlined-bytecode-size-cumulative=${MAX_INLINED_BYTECODE_PER_FUNCTION}`);
}
