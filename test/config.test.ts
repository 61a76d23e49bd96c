import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, parseConfig, parseDatabaseSettings } from '@/lib/config';
import { usableCores } from '@/lib/usable-cores.mjs';

const production = {
  NODE_ENV: 'production',
  SECRET_KEY: 'a-production-secret-of-at-least-32-characters',
  APP_URL: 'https://microblog.example.com/',
  MAIL_SERVER: 'smtp.example.com',
};

describe('configuration', () => {
  it('reads a complete production environment', () => {
    const config = parseConfig({ ...production, MAIL_PORT: '587', MAIL_USE_TLS: '1', ADMINS: 'ops@example.com, me@example.com' });
    expect(config.appUrl).toBe('https://microblog.example.com');
    expect(config.mailServer).toEqual({ host: 'smtp.example.com', port: 587, useTls: true, auth: undefined });
    expect(config.sender).toBe('ops@example.com');
    expect(config.admins).toEqual(['ops@example.com', 'me@example.com']);
    expect(config.devMailbox).toBe(false);
  });

  it('defaults the mail port to 25', () => {
    expect(parseConfig(production).mailServer?.port).toBe(25);
  });

  it('accepts AUTH_SECRET as the secret key', () => {
    const { SECRET_KEY, ...rest } = production;
    expect(parseConfig({ ...rest, AUTH_SECRET: SECRET_KEY }).secretKey).toBe(SECRET_KEY);
  });

  it.each([
    ['a missing secret', { SECRET_KEY: undefined }, 'SECRET_KEY'],
    ['a short secret', { SECRET_KEY: 'short' }, 'SECRET_KEY'],
    ['a missing APP_URL', { APP_URL: undefined }, 'APP_URL'],
    ['an APP_URL that is not a URL', { APP_URL: 'microblog' }, 'APP_URL'],
    ['a mail port that is not a number', { MAIL_PORT: 'twenty-five' }, 'MAIL_PORT'],
    ['a mail port out of range', { MAIL_PORT: '70000' }, 'MAIL_PORT'],
    ['MAIL_USE_TLS that is not a flag', { MAIL_USE_TLS: 'maybe' }, 'MAIL_USE_TLS'],
    ['ADMINS that are not addresses', { ADMINS: 'ops, me' }, 'ADMINS'],
    ['a user name without a password', { MAIL_USERNAME: 'me' }, 'MAIL_USERNAME'],
    ['no mail server in production', { MAIL_SERVER: undefined }, 'MAIL_SERVER'],
    ['WEB_CONCURRENCY of no workers', { WEB_CONCURRENCY: '0' }, 'WEB_CONCURRENCY'],
  ])('stops on %s, naming the variable', (_name, override, variable) => {
    expect(() => parseConfig({ ...production, ...override })).toThrow(ConfigError);
    expect(() => parseConfig({ ...production, ...override })).toThrow(variable);
  });

  it('captures mail and defaults APP_URL in development', () => {
    const config = parseConfig({ NODE_ENV: 'development', SECRET_KEY: 'dev' });
    expect(config.mailServer).toBeNull();
    expect(config.appUrl).toBe('http://localhost:3000');
    expect(config.devMailbox).toBe(true);
  });

  it('treats an empty variable as unset', () => {
    expect(parseConfig({ ...production, MAIL_PORT: '' }).mailServer?.port).toBe(25);
  });

  it('serves from WEB_CONCURRENCY processes in production, one per core by default, and one on Vercel or in development', () => {
    expect(parseConfig({ ...production, WEB_CONCURRENCY: '4' }).serverProcesses).toBe(4);
    expect(parseConfig(production).serverProcesses).toBe(usableCores());
    expect(parseConfig({ ...vercelProduction, APP_URL: 'https://microblog.example.com', WEB_CONCURRENCY: '4' }).serverProcesses).toBe(1);
    expect(parseConfig({ ...production, NODE_ENV: 'development', WEB_CONCURRENCY: '4' }).serverProcesses).toBe(1);
  });

  it('counts the CPUs a container quota allows, not the host cores, rounded up', () => {
    const machine = (files: Record<string, string>) => ({ cores: 32, read: (path: string) => files[path] ?? null });
    expect(usableCores(machine({}))).toBe(32);
    expect(usableCores(machine({ '/sys/fs/cgroup/cpu.max': 'max 100000' }))).toBe(32);
    expect(usableCores(machine({ '/sys/fs/cgroup/cpu.max': '150000 100000' }))).toBe(2);
    expect(usableCores(machine({ '/sys/fs/cgroup/cpu.max': '10000 100000' }))).toBe(1);
    expect(usableCores(machine({ '/sys/fs/cgroup/cpu/cpu.cfs_quota_us': '400000', '/sys/fs/cgroup/cpu/cpu.cfs_period_us': '100000' }))).toBe(4);
    expect(usableCores(machine({ '/sys/fs/cgroup/cpu/cpu.cfs_quota_us': '-1', '/sys/fs/cgroup/cpu/cpu.cfs_period_us': '100000' }))).toBe(32);
  });

  it('reads the client address from the TCP peer, or from the one proxy with TRUST_PROXY', () => {
    expect(parseConfig(production).clientAddressSource).toBe('peer');
    expect(parseConfig({ ...production, TRUST_PROXY: '1' }).clientAddressSource).toBe('proxy');
  });
});

// What Vercel sets on its own deployments; APP_URL and MAIL_SERVER are left to each case.
const vercelProduction = {
  NODE_ENV: 'production',
  SECRET_KEY: production.SECRET_KEY,
  VERCEL: '1',
  VERCEL_ENV: 'production',
  VERCEL_PROJECT_PRODUCTION_URL: 'microblog.example.com',
  VERCEL_URL: 'microblog-abc123-team.vercel.app',
  MAIL_SERVER: 'smtp.example.com',
};
const vercelPreview = {
  ...vercelProduction,
  VERCEL_ENV: 'preview',
  VERCEL_BRANCH_URL: 'microblog-git-feature-team.vercel.app',
  VERCEL_URL: 'microblog-def456-team.vercel.app',
  MAIL_SERVER: undefined,
};
const MAILBOX_TOKEN = 'a-mailbox-token-of-at-least-32-characters';

describe('configuration on Vercel', () => {
  it('links production emails to the project’s production address, over https', () => {
    const config = parseConfig(vercelProduction);
    expect(config.vercelEnv).toBe('production');
    expect(config.appUrl).toBe('https://microblog.example.com');
  });

  it('links a preview’s emails to its branch address, or to the deployment’s own without one', () => {
    expect(parseConfig(vercelPreview).appUrl).toBe('https://microblog-git-feature-team.vercel.app');
    expect(parseConfig({ ...vercelPreview, VERCEL_BRANCH_URL: undefined }).appUrl).toBe('https://microblog-def456-team.vercel.app');
  });

  it('lets APP_URL win over Vercel’s addresses: a custom domain, or loopback http for a local rehearsal', () => {
    expect(parseConfig({ ...vercelProduction, APP_URL: 'https://blog.example.org/' }).appUrl).toBe('https://blog.example.org');
    expect(parseConfig({ ...vercelPreview, APP_URL: 'http://127.0.0.1:6103' }).appUrl).toBe('http://127.0.0.1:6103');
  });

  it.each([
    ['no production address', { ...vercelProduction, VERCEL_PROJECT_PRODUCTION_URL: undefined }, 'APP_URL'],
    ['no preview address', { ...vercelPreview, VERCEL_BRANCH_URL: undefined, VERCEL_URL: undefined }, 'APP_URL'],
    ['a Vercel address with a scheme', { ...vercelPreview, VERCEL_BRANCH_URL: 'https://evil.example/x' }, 'VERCEL_BRANCH_URL'],
    ['VERCEL without VERCEL_ENV', { ...vercelPreview, VERCEL_ENV: undefined }, 'VERCEL_ENV'],
    ['a deployment without a secret key, rather than writing one to disk', { ...vercelPreview, NODE_ENV: 'development', SECRET_KEY: undefined }, 'SECRET_KEY'],
    ['production without a mail server', { ...vercelProduction, MAIL_SERVER: undefined }, 'MAIL_SERVER'],
    ['a short mailbox token', { ...vercelPreview, MAILBOX_TOKEN: 'short' }, 'MAILBOX_TOKEN'],
  ])('stops on %s, naming the variable', (_name, environment, variable) => {
    expect(() => parseConfig(environment)).toThrow(ConfigError);
    expect(() => parseConfig(environment)).toThrow(variable);
  });

  it('trusts the address Vercel’s edge writes, with or without TRUST_PROXY', () => {
    expect(parseConfig(vercelPreview).clientAddressSource).toBe('vercel');
    expect(parseConfig({ ...vercelProduction, TRUST_PROXY: '1' }).clientAddressSource).toBe('vercel');
  });

  it('captures a preview’s mail when it has no mail server, and sends it when it has one', () => {
    expect(parseConfig(vercelPreview).mailServer).toBeNull();
    expect(parseConfig({ ...vercelPreview, MAIL_SERVER: 'smtp.example.com' }).mailServer?.host).toBe('smtp.example.com');
  });

  it('treats `vercel dev` and pulled development variables as a local server', () => {
    const config = parseConfig({ NODE_ENV: 'development', SECRET_KEY: 'dev', VERCEL: '1', VERCEL_ENV: 'development', VERCEL_URL: '' });
    expect(config.vercelEnv).toBeNull();
    expect(config.appUrl).toBe('http://localhost:3000');
    expect(config.clientAddressSource).toBe('peer');
  });
});

describe('the mailbox', () => {
  it('opens pages and JSON to anyone in development', () => {
    const config = parseConfig({ NODE_ENV: 'development', SECRET_KEY: 'dev' });
    expect(config.devMailbox).toBe(true);
    expect(config.mailboxApi).toEqual({ token: null });
  });

  it('asks for MAILBOX_TOKEN on the JSON wherever the token is set, DEV_MAILBOX pages or not', () => {
    const local = parseConfig({ ...production, DEV_MAILBOX: '1', MAILBOX_TOKEN });
    expect(local.devMailbox).toBe(true);
    expect(local.mailboxApi).toEqual({ token: MAILBOX_TOKEN });
  });

  it('opens only the JSON on a preview, and only to the token’s holder', () => {
    const config = parseConfig({ ...vercelPreview, MAILBOX_TOKEN });
    expect(config.devMailbox).toBe(false);
    expect(config.mailboxApi).toEqual({ token: MAILBOX_TOKEN });
    expect(parseConfig(vercelPreview).mailboxApi).toBeNull();
  });

  it('stays closed in production off Vercel without DEV_MAILBOX, whatever token is set', () => {
    const config = parseConfig({ ...production, MAILBOX_TOKEN });
    expect(config.devMailbox).toBe(false);
    expect(config.mailboxApi).toBeNull();
  });

  it('stays closed on Vercel production, whatever DEV_MAILBOX and MAILBOX_TOKEN say', () => {
    const config = parseConfig({ ...vercelProduction, DEV_MAILBOX: '1', MAILBOX_TOKEN });
    expect(config.devMailbox).toBe(false);
    expect(config.mailboxApi).toBeNull();
  });
});

describe('the database setting', () => {
  // Neon's Vercel integration sets these two: the pooler's address and the database's own.
  const pooled = 'postgresql://app:secret@ep-calm-sea-123456-pooler.eu-central-1.aws.neon.tech/neondb?sslmode=require&channel_binding=require';
  const direct = 'postgresql://app:secret@ep-calm-sea-123456.eu-central-1.aws.neon.tech/neondb?sslmode=require&channel_binding=require';

  it('is a SQLite file under ./data when nothing is set', () => {
    expect(parseConfig(production).database).toEqual({ kind: 'sqlite', path: resolve('data/microblog.db') });
  });

  it.each([
    ['a relative path', 'tmp/app.db', resolve('tmp/app.db')],
    ['an absolute path', '/var/lib/microblog/app.db', '/var/lib/microblog/app.db'],
    ['a file: URL with a relative path', 'file:./tmp/app.db', resolve('tmp/app.db')],
    ['a file:// URL', 'file:///var/lib/microblog/app.db', '/var/lib/microblog/app.db'],
  ])('reads %s as a SQLite file', (_name, value, path) => {
    expect(parseConfig({ ...production, DATABASE_URL: value }).database).toEqual({ kind: 'sqlite', path });
  });

  it.each(['postgres://app@db.example.com:5432/microblog', 'postgresql://app@db.example.com/microblog'])('reads %s as Postgres, migrated through the same URL', (url) => {
    expect(parseConfig({ ...production, DATABASE_URL: url }).database).toEqual({ kind: 'postgres', url, migrationUrl: url });
  });

  it("uses Neon's pooled URL for the app and the unpooled one for migrations", () => {
    const settings = parseConfig({ ...production, DATABASE_URL: pooled, DATABASE_URL_UNPOOLED: direct }).database;
    expect(settings).toEqual({ kind: 'postgres', url: pooled, migrationUrl: direct });
  });

  it('reads the database alone for migrations, in a build that lacks the rest of the settings', () => {
    expect(parseDatabaseSettings({ NODE_ENV: 'production', DATABASE_URL: pooled, DATABASE_URL_UNPOOLED: direct })).toEqual({
      kind: 'postgres',
      url: pooled,
      migrationUrl: direct,
    });
    expect(() => parseConfig({ NODE_ENV: 'production', DATABASE_URL: pooled })).toThrow(ConfigError);
  });

  it.each([
    ['a URL of another database', { DATABASE_URL: 'mysql://app@db.example.com/microblog' }, 'DATABASE_URL'],
    ['a postgres URL without a host', { DATABASE_URL: 'postgres://' }, 'DATABASE_URL'],
    ['an unpooled URL that is not Postgres', { DATABASE_URL: 'postgres://db.example.com/app', DATABASE_URL_UNPOOLED: 'https://db.example.com' }, 'DATABASE_URL_UNPOOLED'],
  ])('stops on %s, naming the variable', (_name, override, variable) => {
    expect(() => parseConfig({ ...production, ...override })).toThrow(ConfigError);
    expect(() => parseConfig({ ...production, ...override })).toThrow(variable);
  });
});
