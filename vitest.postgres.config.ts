import { defineConfig, mergeConfig } from 'vitest/config';
import base from './vitest.config.js';

// The same suite against Postgres: a throwaway cluster on loopback, a database per test file.
export default mergeConfig(
  base,
  defineConfig({
    test: { globalSetup: ['test/support/postgres-global-setup.ts'] },
  }),
);
