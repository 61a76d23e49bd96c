import type { TestProject } from 'vitest/node';
import { startPostgresCluster } from '@/scripts/postgres-cluster.mjs';

/** One throwaway cluster for the whole run; each test file makes its own database in it (see setup.ts). */
export default async function setup(project: TestProject) {
  const cluster = await startPostgresCluster();
  project.provide('postgresAdminUrl', cluster.url());
  return () => cluster.stop();
}

declare module 'vitest' {
  export interface ProvidedContext {
    postgresAdminUrl?: string;
  }
}
