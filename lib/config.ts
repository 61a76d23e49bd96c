import 'server-only';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { z } from 'zod';

const booleanFlag = z
  .enum(['true', 'false', '1', '0', 'yes', 'no', 'on', 'off', ''])
  .transform((value) => ['true', '1', 'yes', 'on'].includes(value));

const emailList = z
  .string()
  .transform((value) => value.split(',').map((item) => item.trim()).filter(Boolean))
  .pipe(z.array(z.email()).min(1));

const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  SECRET_KEY: z.string().min(1).optional(),
  AUTH_SECRET: z.string().min(1).optional(),
  APP_URL: z.url({ protocol: /^https?$/ }).optional(),
  DATABASE_URL: z.string().min(1).default('./data/microblog.db'),
  MAIL_SERVER: z.string().min(1).optional(),
  MAIL_PORT: z.coerce.number().int().min(1).max(65535).default(25),
  MAIL_USE_TLS: booleanFlag.default(false),
  MAIL_USERNAME: z.string().min(1).optional(),
  MAIL_PASSWORD: z.string().min(1).optional(),
  ADMINS: emailList.default(['no-reply@microblog.local']),
  CRON_SECRET: z.string().min(16, 'must be at least 16 characters').optional(),
  DEV_MAILBOX: booleanFlag.optional(),
  TRUST_PROXY: booleanFlag.default(false),
  GRAVATAR_URL: z.union([z.url({ protocol: /^https?$/ }), z.literal('off')]).default('https://www.gravatar.com/avatar'),
});

type Env = z.infer<typeof envSchema>;

export type MailServer = {
  host: string;
  port: number;
  useTls: boolean;
  auth?: { user: string; pass: string };
};

export type Config = {
  production: boolean;
  secretKey: string;
  appUrl: string;
  databasePath: string;
  /** null: capture mail in the outbox for /dev/mail instead of sending it. */
  mailServer: MailServer | null;
  admins: string[];
  sender: string;
  /** The /dev/mail pages: on everywhere but production, unless DEV_MAILBOX says otherwise. */
  devMailbox: boolean;
  /** Bearer token for GET /api/cron/outbox; without it the route is closed. */
  cronSecret: string | null;
  /** Behind one reverse proxy: the client's address is the last X-Forwarded-For entry, which the proxy wrote. */
  trustProxy: boolean;
  /** Where the avatar route asks for a user's picture; null: letter avatars only. */
  gravatarUrl: string | null;
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

function resolveSecret(env: Env, production: boolean): string {
  const secret = env.SECRET_KEY ?? env.AUTH_SECRET;
  if (secret === undefined) {
    if (production) throw new ConfigError('SECRET_KEY: required in production (AUTH_SECRET is accepted too).');
    return developmentSecret();
  }
  if (production && secret.length < MIN_SECRET_LENGTH) {
    throw new ConfigError(`SECRET_KEY: must be at least ${MIN_SECRET_LENGTH} characters in production.`);
  }
  return secret;
}

function resolveMailServer(env: Env, production: boolean): MailServer | null {
  if (!env.MAIL_SERVER) {
    if (production) throw new ConfigError('MAIL_SERVER: required in production, or mail could never leave.');
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

/** Parses an environment into settings; throws a ConfigError naming each bad variable. */
export function parseConfig(source: Record<string, string | undefined>): Config {
  // An empty variable means "not set", as a shell `FOO=` line intends.
  const present = Object.fromEntries(Object.entries(source).filter(([, value]) => value !== ''));
  const parsed = envSchema.safeParse(present);
  if (!parsed.success) throw new ConfigError(describeIssues(parsed.error));
  const env = parsed.data;
  const production = env.NODE_ENV === 'production';
  if (production && !env.APP_URL) throw new ConfigError('APP_URL: required in production, links in emails are built from it.');
  const admins = env.ADMINS as [string, ...string[]];
  return {
    production,
    secretKey: resolveSecret(env, production),
    appUrl: (env.APP_URL ?? 'http://localhost:3000').replace(/\/+$/, ''),
    databasePath: resolve(env.DATABASE_URL.replace(/^file:/, '')),
    mailServer: resolveMailServer(env, production),
    admins,
    sender: admins[0],
    devMailbox: env.DEV_MAILBOX ?? !production,
    cronSecret: env.CRON_SECRET ?? null,
    trustProxy: env.TRUST_PROXY,
    gravatarUrl: env.GRAVATAR_URL === 'off' ? null : env.GRAVATAR_URL.replace(/\/+$/, ''),
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
