import 'server-only';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { usableCores } from './usable-cores.mjs';

const booleanFlag = z
  .enum(['true', 'false', '1', '0', 'yes', 'no', 'on', 'off', ''])
  .transform((value) => ['true', '1', 'yes', 'on'].includes(value));

const emailList = z
  .string()
  .transform((value) => value.split(',').map((item) => item.trim()).filter(Boolean))
  .pipe(z.array(z.email()).min(1));

/** A host name as Vercel gives it: `my-app-git-branch-team.vercel.app`, no scheme, no path. */
const bareHost = z.string().refine((value) => {
  try {
    return new URL(`https://${value}`).host === value.toLowerCase();
  } catch {
    return false;
  }
}, 'must be a host name, without scheme or path');

const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  SECRET_KEY: z.string().min(1).optional(),
  AUTH_SECRET: z.string().min(1).optional(),
  APP_URL: z.url({ protocol: /^https?$/ }).optional(),
  DATABASE_URL: z.string().min(1).default('./data/microblog.db'),
  DATABASE_URL_UNPOOLED: z.string().min(1).optional(),
  MAIL_SERVER: z.string().min(1).optional(),
  MAIL_PORT: z.coerce.number().int().min(1).max(65535).default(25),
  MAIL_USE_TLS: booleanFlag.default(false),
  MAIL_USERNAME: z.string().min(1).optional(),
  MAIL_PASSWORD: z.string().min(1).optional(),
  ADMINS: emailList.default(['no-reply@microblog.local']),
  CRON_SECRET: z.string().min(16, 'must be at least 16 characters').optional(),
  DEV_MAILBOX: booleanFlag.optional(),
  MAILBOX_TOKEN: z.string().min(32, 'must be at least 32 characters').optional(),
  TRUST_PROXY: booleanFlag.default(false),
  MAX_REQUESTS_IN_FLIGHT: z.coerce.number().int().min(1).max(100_000).default(256),
  MAX_QUEUE_WAIT_MS: z.coerce.number().int().min(10).max(60_000).default(2_000),
  // The same bounds as scripts/start.mjs, which reads it before any of this runs.
  WEB_CONCURRENCY: z.coerce.number().int().min(1).max(1024).optional(),
  GRAVATAR_URL: z.union([z.url({ protocol: /^https?$/ }), z.literal('off')]).default('https://www.gravatar.com/avatar'),
  // Set by Vercel on its own deployments (System Environment Variables).
  VERCEL: booleanFlag.default(false),
  VERCEL_ENV: z.enum(['production', 'preview', 'development']).optional(),
  VERCEL_PROJECT_PRODUCTION_URL: bareHost.optional(),
  VERCEL_BRANCH_URL: bareHost.optional(),
  VERCEL_URL: bareHost.optional(),
});

type Env = z.infer<typeof envSchema>;

export type MailServer = {
  host: string;
  port: number;
  useTls: boolean;
  auth?: { user: string; pass: string };
};

/** Which header, if any, names the client: see lib/client-ip.ts. */
export type ClientAddressSource = 'vercel' | 'proxy' | 'peer';

/** A SQLite file by default; Postgres when DATABASE_URL is a postgres:// URL. */
export type DatabaseSettings =
  | { kind: 'sqlite'; path: string }
  /** `migrationUrl` is a direct connection for `npm run db:migrate`; `url` may go through a pooler. */
  | { kind: 'postgres'; url: string; migrationUrl: string };

export type Config = {
  production: boolean;
  /** The Vercel environment this deployment serves; null off Vercel (and under `vercel dev`). */
  vercelEnv: 'production' | 'preview' | null;
  secretKey: string;
  appUrl: string;
  database: DatabaseSettings;
  /** null: capture mail in the outbox for /dev/mail instead of sending it. */
  mailServer: MailServer | null;
  admins: string[];
  sender: string;
  /** The /dev/mail pages: on everywhere but production, unless DEV_MAILBOX says otherwise; never on Vercel production. */
  devMailbox: boolean;
  /**
   * GET /dev/mail/latest, the captured mail as JSON: null when closed (404); otherwise the
   * bearer token it demands, or null when it answers anyone (a development mailbox without MAILBOX_TOKEN).
   */
  mailboxApi: { token: string | null } | null;
  /** Bearer token for GET /api/cron/outbox; without it the route is closed. */
  cronSecret: string | null;
  /** Where the avatar route asks for a user's picture; null: letter avatars only. */
  gravatarUrl: string | null;
  /** Requests one server process holds at once, waiting or in progress; more are refused with 503 at once. */
  maxRequestsInFlight: number;
  /** How long a request may wait for its turn (lib/http/turn-queue.ts) before it is refused with 503. */
  maxQueueWaitMs: number;
  /** Where the client's address is read from: Vercel's edge header, the one proxy's X-Forwarded-For entry, or the TCP peer. */
  clientAddressSource: ClientAddressSource;
  /**
   * Server processes sharing this machine's cores: WEB_CONCURRENCY (default: one per core)
   * in production on a machine of our own, whether `npm start`'s workers or `next start` and
   * its helpers; 1 on Vercel and in development.
   */
  serverProcesses: number;
};

export class ConfigError extends Error {
  override name = 'ConfigError';
}

// 32 bytes matches HS256's key size; shorter keys make forged tokens feasible.
const MIN_SECRET_LENGTH = 32;
const DEV_SECRET_FILE = 'data/dev-secret-key';

function describeIssues(error: z.ZodError): string {
  return error.issues
    .map((issue) => `${issue.path.join('.') || 'environment'}: ${issue.message}`)
    .join('\n');
}

function developmentSecret(): string {
  // Kept on disk so a dev server restart does not sign everyone out.
  const file = resolve(DEV_SECRET_FILE);
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  const secret = randomBytes(32).toString('base64url');
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, secret, { mode: 0o600 });
  console.warn(`SECRET_KEY is not set: generated a development key in ${DEV_SECRET_FILE}.`);
  return secret;
}

/** Deployed on Vercel: `vercel dev` and `vercel env pull` set VERCEL=1 with VERCEL_ENV=development, a local server like any other. */
function resolveVercelEnv(env: Env): Config['vercelEnv'] {
  if (!env.VERCEL) return null;
  if (!env.VERCEL_ENV) throw new ConfigError('VERCEL_ENV: missing beside VERCEL=1; enable "Automatically expose System Environment Variables".');
  return env.VERCEL_ENV === 'development' ? null : env.VERCEL_ENV;
}

/**
 * APP_URL when set (a custom domain; http on loopback for a local rehearsal). Otherwise, on
 * Vercel, the address Vercel gives this deployment, so a preview's emails link to that preview;
 * never the request's Host header, which the client writes.
 */
function resolveAppUrl(env: Env, production: boolean, vercelEnv: Config['vercelEnv']): string {
  if (env.APP_URL) return env.APP_URL.replace(/\/+$/, '');
  if (vercelEnv === 'production') {
    if (!env.VERCEL_PROJECT_PRODUCTION_URL) throw new ConfigError('APP_URL: not set, and VERCEL_PROJECT_PRODUCTION_URL is missing too.');
    return `https://${env.VERCEL_PROJECT_PRODUCTION_URL}`;
  }
  if (vercelEnv === 'preview') {
    // The branch URL stays the same across a branch's deployments, as its preview database does.
    const host = env.VERCEL_BRANCH_URL ?? env.VERCEL_URL;
    if (!host) throw new ConfigError('APP_URL: not set, and neither VERCEL_BRANCH_URL nor VERCEL_URL is there.');
    return `https://${host}`;
  }
  if (production) throw new ConfigError('APP_URL: required in production, links in emails are built from it.');
  return 'http://localhost:3000';
}

function resolveSecret(env: Env, production: boolean, vercelEnv: Config['vercelEnv']): string {
  const secret = env.SECRET_KEY ?? env.AUTH_SECRET;
  if (secret === undefined) {
    // A deployment must never write a key file: its file system is not ours to keep.
    if (production || vercelEnv) throw new ConfigError('SECRET_KEY: required in production (AUTH_SECRET is accepted too).');
    return developmentSecret();
  }
  if (production && secret.length < MIN_SECRET_LENGTH) {
    throw new ConfigError(`SECRET_KEY: must be at least ${MIN_SECRET_LENGTH} characters in production.`);
  }
  return secret;
}

function resolveMailServer(env: Env, production: boolean, vercelEnv: Config['vercelEnv']): MailServer | null {
  if (!env.MAIL_SERVER) {
    // A preview may keep its mail: tests read it through the mailbox API instead of an inbox.
    if (production && vercelEnv !== 'preview') throw new ConfigError('MAIL_SERVER: required in production, or mail could never leave.');
    return null;
  }
  if (Boolean(env.MAIL_USERNAME) !== Boolean(env.MAIL_PASSWORD)) {
    throw new ConfigError('MAIL_USERNAME and MAIL_PASSWORD: set both or neither.');
  }
  return {
    host: env.MAIL_SERVER,
    port: env.MAIL_PORT,
    useTls: env.MAIL_USE_TLS,
    auth: env.MAIL_USERNAME && env.MAIL_PASSWORD ? { user: env.MAIL_USERNAME, pass: env.MAIL_PASSWORD } : undefined,
  };
}

/**
 * Vercel production never shows captured mail, whatever is set: it holds real people's reset links.
 * Elsewhere DEV_MAILBOX opens the pages and the JSON; MAILBOX_TOKEN, when set, guards the JSON
 * (and opens it on a preview, whose pages stay closed).
 */
function resolveMailbox(env: Env, production: boolean, vercelEnv: Config['vercelEnv']): Pick<Config, 'devMailbox' | 'mailboxApi'> {
  if (vercelEnv === 'production') return { devMailbox: false, mailboxApi: null };
  const devMailbox = env.DEV_MAILBOX ?? !production;
  const token = env.MAILBOX_TOKEN ?? null;
  const apiOpen = devMailbox || (vercelEnv === 'preview' && token !== null);
  return { devMailbox, mailboxApi: apiOpen ? { token } : null };
}

function resolveClientAddressSource(env: Env, vercelEnv: Config['vercelEnv']): ClientAddressSource {
  if (vercelEnv) return 'vercel';
  return env.TRUST_PROXY ? 'proxy' : 'peer';
}

const POSTGRES_URL = /^postgres(ql)?:\/\//;

function postgresUrl(name: string, value: string): string {
  if (!URL.canParse(value) || !new URL(value).hostname) throw new ConfigError(`${name}: not a valid postgres:// URL.`);
  return value;
}

/**
 * A file path or file: URL means SQLite; postgres:// or postgresql:// means Postgres.
 * Neon's Vercel integration sets DATABASE_URL to its pooler and DATABASE_URL_UNPOOLED to
 * the database itself; migrations take the direct one when there is one.
 */
function resolveDatabase(env: Pick<Env, 'DATABASE_URL' | 'DATABASE_URL_UNPOOLED'>): DatabaseSettings {
  const url = env.DATABASE_URL;
  if (POSTGRES_URL.test(url)) {
    const unpooled = env.DATABASE_URL_UNPOOLED;
    if (unpooled !== undefined && !POSTGRES_URL.test(unpooled)) throw new ConfigError('DATABASE_URL_UNPOOLED: must be a postgres:// URL.');
    return {
      kind: 'postgres',
      url: postgresUrl('DATABASE_URL', url),
      migrationUrl: unpooled === undefined ? url : postgresUrl('DATABASE_URL_UNPOOLED', unpooled),
    };
  }
  if (url.startsWith('file://')) {
    if (!URL.canParse(url)) throw new ConfigError('DATABASE_URL: not a valid file: URL.');
    try {
      return { kind: 'sqlite', path: fileURLToPath(url) };
    } catch (error) {
      throw new ConfigError(`DATABASE_URL: ${(error as Error).message}`);
    }
  }
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(url)) {
    throw new ConfigError('DATABASE_URL: must be a SQLite file path, a file: URL or a postgres:// URL.');
  }
  return { kind: 'sqlite', path: resolve(url.replace(/^file:/, '')) };
}

/** An empty variable means "not set", as a shell `FOO=` line intends. */
const withoutEmpty = (source: Record<string, string | undefined>) => Object.fromEntries(Object.entries(source).filter(([, value]) => value !== ''));

/**
 * The database settings alone, for `npm run db:migrate`: it runs in a build, where the
 * settings only the running app needs (mail, secrets) may be missing.
 */
export function parseDatabaseSettings(source: Record<string, string | undefined>): DatabaseSettings {
  const parsed = envSchema.pick({ DATABASE_URL: true, DATABASE_URL_UNPOOLED: true }).safeParse(withoutEmpty(source));
  if (!parsed.success) throw new ConfigError(describeIssues(parsed.error));
  return resolveDatabase(parsed.data);
}

/** The database settings of this process; see parseDatabaseSettings. */
export function getDatabaseSettings(): DatabaseSettings {
  return parseDatabaseSettings(process.env);
}

/** Parses an environment into settings; throws a ConfigError naming each bad variable. */
export function parseConfig(source: Record<string, string | undefined>): Config {
  const parsed = envSchema.safeParse(withoutEmpty(source));
  if (!parsed.success) throw new ConfigError(describeIssues(parsed.error));
  const env = parsed.data;
  const production = env.NODE_ENV === 'production';
  const vercelEnv = resolveVercelEnv(env);
  const admins = env.ADMINS as [string, ...string[]];
  return {
    production,
    vercelEnv,
    secretKey: resolveSecret(env, production, vercelEnv),
    appUrl: resolveAppUrl(env, production, vercelEnv),
    database: resolveDatabase(env),
    mailServer: resolveMailServer(env, production, vercelEnv),
    admins,
    sender: admins[0],
    ...resolveMailbox(env, production, vercelEnv),
    cronSecret: env.CRON_SECRET ?? null,
    maxRequestsInFlight: env.MAX_REQUESTS_IN_FLIGHT,
    maxQueueWaitMs: env.MAX_QUEUE_WAIT_MS,
    gravatarUrl: env.GRAVATAR_URL === 'off' ? null : env.GRAVATAR_URL.replace(/\/+$/, ''),
    clientAddressSource: resolveClientAddressSource(env, vercelEnv),
    // scripts/start.mjs tells its workers how many they are; a lone `next start` starts as many
    // processes (lib/http/connection-helpers.ts). On Vercel and in development one serves.
    serverProcesses: production && !vercelEnv ? (env.WEB_CONCURRENCY ?? usableCores()) : 1,
  };
}

let cached: Config | undefined;

/** The settings of this process, read from the environment once. */
export function getConfig(): Config {
  if (!cached) {
    cached = parseConfig(process.env);
    // Auth.js builds its own URLs from AUTH_URL; pinning it keeps the Host header out of them.
    process.env.AUTH_URL = `${cached.appUrl}/api/auth`;
  }
  return cached;
}
