import { describe, expect, it } from 'vitest';
import { ConfigError, parseConfig } from '@/lib/config';

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
});
