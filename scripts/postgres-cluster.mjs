// A throwaway PostgreSQL cluster on loopback, for tests and benchmarks: initdb into a
// temporary directory, start it on a free port, hand out fresh databases, remove it all
// on stop. Nothing touches a system cluster or listens beyond 127.0.0.1.
//
//   node scripts/postgres-cluster.mjs [--migrate] -- <command...>
//
// runs <command> with DATABASE_URL and E2E_DATABASE_URL pointing at a fresh database
// (migrated with `npm run db:migrate` when --migrate is given), then removes the cluster.
import { execFileSync, spawn } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import pg from 'pg';

/**
 * @typedef {{
 *   port: number,
 *   url: (database?: string) => string,
 *   createDatabase: (name: string) => Promise<string>,
 *   stop: () => Promise<void>,
 * }} PostgresCluster
 */

/** The newest installed server's binaries: Debian's packages put each version under /usr/lib/postgresql. */
function binDir() {
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root)
    ? readdirSync(root)
        .filter((version) => existsSync(join(root, version, 'bin', 'initdb')))
        .sort((a, b) => Number(b) - Number(a))
    : [];
  if (versions[0]) return join(root, versions[0], 'bin');
  try {
    return execFileSync('pg_config', ['--bindir'], { encoding: 'utf8' }).trim();
  } catch {
    throw new Error('PostgreSQL server binaries not found: install them (Debian: apt-get install postgresql).');
  }
}

// initdb and postgres refuse to run as root; as root we run them as the `postgres` user.
const asRoot = process.getuid?.() === 0;

/** @param {string} command @param {string[]} args */
function runServerTool(command, args) {
  const [file, argv] = asRoot ? ['runuser', ['-u', 'postgres', '--', command, ...args]] : [command, args];
  return execFileSync(file, argv, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

/** @returns {Promise<number>} */
function freePort() {
  return new Promise((resolve, reject) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/**
 * Starts a fresh cluster that only this process knows about.
 * @returns {Promise<PostgresCluster>}
 */
export async function startPostgresCluster() {
  const bin = binDir();
  const dir = mkdtempSync(join(tmpdir(), 'microblog-pg-'));
  if (asRoot) {
    const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }));
    const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }));
    chownSync(dir, uid, gid);
  }
  const data = join(dir, 'data');
  const remove = () => rmSync(dir, { recursive: true, force: true });
  try {
    runServerTool(join(bin, 'initdb'), ['-D', data, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--locale=C.UTF-8', '--no-sync', '--no-instructions']);
  } catch (error) {
    remove();
    throw error;
  }

  let port = 0;
  // Another process may take the probed port before postgres binds it; a second port will do.
  for (let attempt = 1; ; attempt++) {
    port = await freePort();
    const options = [
      '-c listen_addresses=127.0.0.1',
      `-p ${port}`,
      `-k ${dir}`,
      // A cluster that dies with the test run needs no crash safety, and tests run faster without it.
      '-c fsync=off -c synchronous_commit=off -c full_page_writes=off',
      '-c max_connections=200',
    ].join(' ');
    try {
      runServerTool(join(bin, 'pg_ctl'), ['-D', data, '-l', join(dir, 'server.log'), '-o', options, '-w', '-t', '60', 'start']);
      break;
    } catch (error) {
      if (attempt >= 3) {
        remove();
        throw error;
      }
    }
  }

  let stopped = false;
  const stopNow = () => {
    if (stopped) return;
    stopped = true;
    try {
      runServerTool(join(bin, 'pg_ctl'), ['-D', data, '-m', 'immediate', '-w', 'stop']);
    } finally {
      remove();
    }
  };
  // A parent that exits without calling stop() (an uncaught error) must not leave a server behind.
  process.once('exit', stopNow);

  const url = (database = 'postgres') => `postgres://postgres@127.0.0.1:${port}/${database}`;
  return {
    port,
    url,
    async createDatabase(name) {
      const client = new pg.Client({ connectionString: url() });
      await client.connect();
      try {
        await client.query(`create database "${name.replace(/"/g, '""')}"`);
      } finally {
        await client.end();
      }
      return url(name);
    },
    async stop() {
      process.off('exit', stopNow);
      stopNow();
    },
  };
}

async function main() {
  const { values, positionals } = parseArgs({ allowPositionals: true, options: { migrate: { type: 'boolean', default: false } } });
  if (positionals.length === 0) throw new Error('usage: node scripts/postgres-cluster.mjs [--migrate] -- <command...>');
  const cluster = await startPostgresCluster();
  let code = 1;
  try {
    const databaseUrl = await cluster.createDatabase('microblog');
    const env = { ...process.env, DATABASE_URL: databaseUrl, E2E_DATABASE_URL: databaseUrl };
    console.log(`[postgres-cluster] ${databaseUrl}`);
    if (values.migrate) execFileSync('npm', ['run', '--silent', 'db:migrate'], { env, stdio: 'inherit' });
    const [command = '', ...args] = positionals;
    const child = spawn(command, args, { env, stdio: 'inherit' });
    const forward = (/** @type {NodeJS.Signals} */ signal) => child.kill(signal);
    process.on('SIGINT', forward);
    process.on('SIGTERM', forward);
    code = await new Promise((resolve) => child.once('exit', (exitCode) => resolve(exitCode ?? 1)));
  } finally {
    await cluster.stop();
  }
  process.exit(code);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await main();
