// `npm run bench`: builds if needed, starts the app and SMTP sinks on loopback, runs
// every scenario, prints one table and writes it to bench/results/. See bench/README.md.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startPostgresCluster } from '@/scripts/postgres-cluster.mjs';
import { freePort, startProcess, waitForPort, waitForUrl, type Started } from './lib/processes';
import { printTable, writeResults, type Row } from './lib/report';

const workDir = mkdtempSync(join(tmpdir(), 'microblog-bench-'));
const secret = 'bench-secret-key-long-enough-for-production';
const started: Started[] = [];
const notes: string[] = [];
const rows: Row[] = [];

function build(): void {
  if (existsSync('.next/BUILD_ID') && !process.argv.includes('--rebuild')) {
    notes.push('Reused the existing production build (.next); pass --rebuild to build again.');
    return;
  }
  execFileSync(process.execPath, ['node_modules/next/dist/bin/next', 'build'], {
    stdio: 'inherit',
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' },
  });
}

async function startSink(args: string[]): Promise<number> {
  const port = await freePort();
  started.push(startProcess(process.execPath, ['scripts/smtp-sink.mjs', '--port', String(port), '--quiet', ...args], {}));
  await waitForPort(port);
  return port;
}

/**
 * Runs a scenario script in its own process, with an SMTP sink started with `sinkArgs` and
 * its own database: a SQLite file unless `databaseUrl` names another.
 */
async function mailScenario(script: string, sinkArgs: string[], databaseUrl = join(workDir, `${script.replace(/\W+/g, '-')}.db`)): Promise<Row[]> {
  const port = await startSink(sinkArgs);
  const output = execFileSync(process.execPath, ['--import', 'tsx', '--conditions=react-server', script], {
    env: {
      ...process.env,
      NODE_ENV: 'production',
      DATABASE_URL: databaseUrl,
      MAIL_SERVER: '127.0.0.1',
      MAIL_PORT: String(port),
      SECRET_KEY: secret,
      APP_URL: 'http://127.0.0.1',
    },
    encoding: 'utf8',
  });
  return JSON.parse(output.trim().split('\n').at(-1) ?? '[]') as Row[];
}

const step = (what: string) => console.log(`[bench] ${what}`);

/** Names the database under a scenario measured on both. */
const on = (database: 'SQLite' | 'Postgres', measured: Row[]): Row[] =>
  measured.map((row) => ({ ...row, scenario: `${row.scenario} [${database}]` }));

let stopCluster: (() => Promise<void>) | undefined;

const SERVERS = { 'next start': 'node_modules/next/dist/bin/next', 'npm start': 'scripts/start.mjs' } as const;

/**
 * Starts the app on `databaseUrl` as `server`: `next start` (with a helper per further core), or
 * `npm start`'s cluster (a worker per core), sending its mail to the slow sink set in process.env.
 */
async function startApp(databaseUrl: string, server: keyof typeof SERVERS = 'next start'): Promise<{ url: string; pid: number; stop: () => Promise<void> }> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const command = server === 'next start' ? [SERVERS[server], 'start'] : [SERVERS[server]];
  const app = startProcess(process.execPath, [...command, '--port', String(port), '--hostname', '127.0.0.1'], {
    NEXT_TELEMETRY_DISABLED: '1',
    APP_URL: url,
    DATABASE_URL: databaseUrl,
  });
  started.push(app);
  await waitForUrl(`${url}/login`);
  return { url, pid: app.process.pid ?? 0, stop: app.stop };
}

async function main(): Promise<void> {
  build();
  step('mail drain: 2,000 messages through the outbox and directly');
  rows.push(...(await mailScenario('bench/scenarios/mail-drain.ts', ['--count-only'])));
  step('reset mail behind a flood: 1,000 admin mails ahead, a relay taking 50 ms a message');
  rows.push(...(await mailScenario('bench/scenarios/mail-flood.ts', ['--delay-ms', '50', '--count-only'])));
  step('starting the app on SQLite with an SMTP sink that takes 2 s a message');

  const slowSinkPort = await startSink(['--delay-ms', '2000', '--count-only']);
  // The benchmark process shares the apps' settings so it can sign their tokens.
  Object.assign(process.env, {
    NODE_ENV: 'production',
    SECRET_KEY: secret,
    APP_URL: 'http://127.0.0.1',
    MAIL_SERVER: '127.0.0.1',
    MAIL_PORT: String(slowSinkPort),
    DEV_MAILBOX: '0',
    // As behind a proxy: each simulated browser is its own client address, so the per-address
    // rate limit does not turn the measured requests into throttled ones.
    TRUST_PROXY: '1',
  });

  const { resetWhileMailIsSlow, forgotPasswordThroughput } = await import('./scenarios/forgot-password');
  const { tokenVerifyCost } = await import('./scenarios/token-verify');
  const { signInPageUnderLoad } = await import('./scenarios/sign-in-page');
  const { pageWeight } = await import('./scenarios/page-weight');
  const { seedSocialGraph, timelineLatency } = await import('./scenarios/timeline');
  const { SEEDED_PASSWORD, seedUsers } = await import('./lib/seed');
  const { RESET_PASSWORD, signToken } = await import('@/lib/tokens');

  const sqlitePath = join(workDir, 'app.db');
  const sqliteApp = await startApp(sqlitePath);
  // The app has created and migrated the file; the benchmark seeds it through its own connection.
  const { openSqlite } = await import('@/lib/db/sqlite');
  const sqlite = openSqlite(sqlitePath);
  // Enough accounts that no address is asked for more than the 3 mails a window allows.
  const users = await seedUsers(sqlite, 40);
  const target = { url: sqliteApp.url, pid: sqliteApp.pid, knownEmails: users.map((user) => user.email) };

  step('reset requests while SMTP is slow');
  rows.push(...(await resetWhileMailIsSlow(target)));
  step('forgot-password throughput on SQLite, 50 clients for 20 s');
  rows.push(...on('SQLite', await forgotPasswordThroughput(target)));
  step('GET /login: 50 clients, then 200 (overload), 10 s each');
  rows.push(...(await signInPageUnderLoad(target, 'next start')));
  step('token verification cost');
  rows.push(...(await tokenVerifyCost()));
  step('page weight');
  const firstUser = users[0];
  if (!firstUser) throw new Error('no user was seeded');
  const { token } = await signToken({ userId: firstUser.id, purpose: RESET_PASSWORD, boundTo: firstUser.passwordHash });
  rows.push(
    ...(await pageWeight(sqliteApp.url, {
      '/login': '/login',
      '/register': '/register',
      '/forgot-password': '/forgot-password',
      '/reset/[token]': `/reset/${token}`,
    })),
  );
  const { signIn } = await import('./lib/sign-in');
  const member = await signIn(sqliteApp.url, firstUser.username, SEEDED_PASSWORD);
  rows.push(...(await pageWeight(sqliteApp.url, { '/ (post form)': '/', '/edit-profile': '/edit-profile', '/settings': '/settings' }, member)));
  step('seeding 10k users, 100k posts, 200k follows into SQLite; timing the timeline and explore');
  rows.push(...on('SQLite', await timelineLatency(sqliteApp.url, await seedSocialGraph(sqlite))));
  await sqlite.close();
  // Stopped now, so the cluster and then the Postgres run have the machine to themselves.
  await sqliteApp.stop();

  step('GET /login again, served by `npm start` (a worker per core), as in production');
  const clusterApp = await startApp(sqlitePath, 'npm start');
  rows.push(...(await signInPageUnderLoad(clusterApp, 'npm start')));
  await clusterApp.stop();

  step('starting a throwaway Postgres cluster and the app on it');
  const cluster = await startPostgresCluster();
  stopCluster = () => cluster.stop();
  const { migratePostgres, openPostgres } = await import('@/lib/db/postgres');
  step('mail drain on Postgres: 2,000 messages through the outbox');
  const drainUrl = await cluster.createDatabase('drain');
  await migratePostgres(drainUrl);
  const drained = await mailScenario('bench/scenarios/mail-drain.ts', ['--count-only'], drainUrl);
  rows.push(...on('Postgres', drained.filter((row) => row.metric.startsWith('outbox →'))));
  const postgresUrl = await cluster.createDatabase('bench');
  // As the build would, before the app starts: a server behind its migrations refuses to.
  await migratePostgres(postgresUrl);
  const postgresApp = await startApp(postgresUrl);
  const postgres = openPostgres(postgresUrl);
  try {
    const postgresUsers = await seedUsers(postgres, 40);
    step('forgot-password throughput on Postgres, 50 clients for 20 s');
    const postgresTarget = { url: postgresApp.url, pid: postgresApp.pid, knownEmails: postgresUsers.map((user) => user.email) };
    rows.push(...on('Postgres', await forgotPasswordThroughput(postgresTarget)));
    step('seeding the same graph into Postgres; timing the timeline and explore');
    rows.push(...on('Postgres', await timelineLatency(postgresApp.url, await seedSocialGraph(postgres))));
  } finally {
    await postgres.close();
  }
}

try {
  await main();
} finally {
  for (const process of started.reverse()) await process.stop();
  await stopCluster?.();
  rmSync(workDir, { recursive: true, force: true });
}
printTable(rows);
for (const note of notes) console.log(`note: ${note}`);
console.log(`\nwritten to ${writeResults(rows, notes)}`);
