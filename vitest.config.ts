import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: {
    alias: {
      '@': fileURLToPath(new URL('.', import.meta.url)),
      // `server-only` throws outside React's server build; tests are server code too.
      'server-only': fileURLToPath(new URL('./test/support/empty-module.ts', import.meta.url)),
    },
  },
  test: {
    environment: 'node',
    include: ['test/**/*.test.ts'],
    setupFiles: ['test/support/setup.ts'],
    // Password hashing (128 MiB, a third of a second) is slow on a busy 2-core CI machine.
    testTimeout: 60_000,
  },
});
