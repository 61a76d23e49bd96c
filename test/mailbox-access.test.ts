import { describe, expect, it } from 'vitest';
import { parseConfig } from '@/lib/config';
import { hasBearerToken } from '@/lib/http/bearer';
import { mailboxAccess } from '@/lib/mail';

const TOKEN = 'a-mailbox-token-of-at-least-32-characters';
const secret = 'a-production-secret-of-at-least-32-characters';
const preview = {
  NODE_ENV: 'production',
  SECRET_KEY: secret,
  VERCEL: '1',
  VERCEL_ENV: 'preview',
  VERCEL_BRANCH_URL: 'microblog-git-feature-team.vercel.app',
};
const apiOf = (environment: Record<string, string | undefined>) => parseConfig(environment).mailboxApi;

describe('a bearer token check', () => {
  it('accepts exactly `Bearer <token>`', () => {
    expect(hasBearerToken(`Bearer ${TOKEN}`, TOKEN)).toBe(true);
  });

  it.each([
    ['no header', null],
    ['an empty header', ''],
    ['another token', 'Bearer another-token-of-at-least-32-characters!'],
    ['the token without its scheme', TOKEN],
    ['another scheme', `Basic ${TOKEN}`],
    ['a prefix of the token', `Bearer ${TOKEN.slice(0, -1)}`],
    ['the token with more after it', `Bearer ${TOKEN}x`],
  ])('refuses %s', (_name, authorization) => {
    expect(hasBearerToken(authorization, TOKEN)).toBe(false);
  });
});

describe('who may read the mailbox as JSON', () => {
  it('anyone, in development', () => {
    expect(mailboxAccess(null, apiOf({ NODE_ENV: 'development', SECRET_KEY: 'dev' }))).toBe('granted');
  });

  it('only the token’s holder where MAILBOX_TOKEN is set, even with DEV_MAILBOX on', () => {
    const api = apiOf({ NODE_ENV: 'production', SECRET_KEY: secret, APP_URL: 'http://127.0.0.1:3100', MAIL_SERVER: '127.0.0.1', DEV_MAILBOX: '1', MAILBOX_TOKEN: TOKEN });
    expect(mailboxAccess(`Bearer ${TOKEN}`, api)).toBe('granted');
    expect(mailboxAccess(null, api)).toBe('refused');
    expect(mailboxAccess('Bearer wrong', api)).toBe('refused');
  });

  it('only the token’s holder on a preview; nobody on a preview without a token', () => {
    expect(mailboxAccess(`Bearer ${TOKEN}`, apiOf({ ...preview, MAILBOX_TOKEN: TOKEN }))).toBe('granted');
    expect(mailboxAccess(null, apiOf({ ...preview, MAILBOX_TOKEN: TOKEN }))).toBe('refused');
    expect(mailboxAccess(`Bearer ${TOKEN}`, apiOf(preview))).toBe('hidden');
  });

  it('nobody in production, whatever token is sent', () => {
    const offVercel = { NODE_ENV: 'production', SECRET_KEY: secret, APP_URL: 'https://microblog.example.com', MAIL_SERVER: 'smtp.example.com', MAILBOX_TOKEN: TOKEN };
    const onVercel = { ...preview, VERCEL_ENV: 'production', VERCEL_PROJECT_PRODUCTION_URL: 'microblog.example.com', MAIL_SERVER: 'smtp.example.com', DEV_MAILBOX: '1', MAILBOX_TOKEN: TOKEN };
    for (const environment of [offVercel, onVercel]) {
      expect(mailboxAccess(`Bearer ${TOKEN}`, apiOf(environment))).toBe('hidden');
      expect(mailboxAccess(null, apiOf(environment))).toBe('hidden');
    }
  });
});
