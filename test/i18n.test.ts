import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { NextRequest } from 'next/server';
import { describe, expect, it } from 'vitest';
import { createTranslator } from 'next-intl';
import { MESSAGES } from '@/i18n/catalog';
import { fieldErrorWords } from '@/i18n/field-errors';
import { LOCALES } from '@/i18n/locales';
import { negotiateLocale } from '@/i18n/negotiate';
import { handOnFlash } from '@/lib/flash/hand-on';
import { FLASH_COOKIE, FLASH_HEADER } from '@/lib/flash/names';
import { parseForm } from '@/lib/validation/form-state';
import { resetPasswordSchema } from '@/lib/validation/auth';
import { formDataOf as form } from './support/form-data';

type Tree = { [key: string]: string | Tree };

/** Every message as `namespace.key` → text. */
function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(path, value);
    else for (const [inner, text] of flatten(value, path)) out.set(inner, text);
  }
  return out;
}

const english = flatten(MESSAGES.en as unknown as Tree);
const chinese = flatten(MESSAGES['zh-CN'] as unknown as Tree);

const argumentsOf = (message: string) => new Set([...message.matchAll(/\{\s*(\w+)\s*[,}]/g)].map((match) => match[1] ?? ''));
const tagsOf = (message: string) => new Set([...message.matchAll(/<(\w+)>/g)].map((match) => match[1] ?? ''));

describe('the message files', () => {
  it('give every key in both languages', () => {
    expect([...chinese.keys()].filter((key) => !english.has(key)), 'in zh-CN but not in en').toEqual([]);
    expect([...english.keys()].filter((key) => !chinese.has(key)), 'in en but not in zh-CN').toEqual([]);
  });

  it('leave no message empty or untranslated', () => {
    for (const [key, text] of chinese) {
      expect(text.trim(), key).not.toBe('');
      // Brand names and the title template may stay as they are; everything else has Chinese in it.
      if (!['meta.title', 'meta.titleTemplate', 'nav.brand'].includes(key)) expect(text, key).toMatch(/\p{Script=Han}/u);
    }
  });

  it('ask in Chinese only for values the English message is given, and keep its links and emphasis', () => {
    for (const [key, text] of chinese) {
      const englishText = english.get(key) ?? '';
      const englishArguments = argumentsOf(englishText);
      expect([...argumentsOf(text)].filter((name) => !englishArguments.has(name)), key).toEqual([]);
      expect([...tagsOf(text)].sort(), key).toEqual([...tagsOf(englishText)].sort());
    }
  });

  it('are valid ICU messages in both languages', () => {
    for (const locale of LOCALES) {
      const errors: string[] = [];
      const t = createTranslator({ locale, messages: MESSAGES[locale], onError: (error) => errors.push(error.message) });
      const format = t as unknown as { rich: (key: string, values: Record<string, unknown>) => unknown };
      for (const key of english.keys()) {
        const values: Record<string, unknown> = {};
        for (const name of argumentsOf(english.get(key) ?? '')) values[name] = 1;
        for (const name of tagsOf(english.get(key) ?? '')) values[name] = (chunks: unknown) => chunks;
        format.rich(key, values);
      }
      expect(errors, locale).toEqual([]);
    }
  });

  it('use the seed translation’s terms for its key words', () => {
    expect(MESSAGES['zh-CN'].forms.resetPassword).toBe('重置密码');
    expect(MESSAGES['zh-CN'].fields.email).toBe('电子邮件');
    expect(MESSAGES['zh-CN'].profile.follow).toBe('关注');
    expect(MESSAGES['zh-CN'].forms.signIn).toBe('登录');
  });
});

describe('the page language', () => {
  it('is the switcher’s cookie when there is one', () => {
    expect(negotiateLocale('zh-CN', 'en-US,en;q=0.9')).toBe('zh-CN');
    expect(negotiateLocale('en', 'zh-CN')).toBe('en');
  });

  it('is the browser’s first language we have, by preference', () => {
    expect(negotiateLocale(undefined, 'zh-CN,zh;q=0.9,en;q=0.8')).toBe('zh-CN');
    expect(negotiateLocale(undefined, 'fr-FR, zh;q=0.7, en;q=0.5')).toBe('zh-CN');
    expect(negotiateLocale(undefined, 'en;q=0.4, zh-Hans-CN;q=0.8')).toBe('zh-CN');
    expect(negotiateLocale(undefined, 'en-GB')).toBe('en');
  });

  it('does not send traditional Chinese readers to simplified text unasked', () => {
    expect(negotiateLocale(undefined, 'zh-TW,en;q=0.5')).toBe('en');
    expect(negotiateLocale(undefined, 'zh-Hant-HK')).toBe('en');
  });

  it('is English otherwise', () => {
    expect(negotiateLocale(undefined, null)).toBe('en');
    expect(negotiateLocale('klingon', 'fr, de;q=0.5, zh;q=0')).toBe('en');
  });
});

describe('field errors', () => {
  it('come back from the server in the page’s language', () => {
    const parsed = parseForm(resetPasswordSchema, form({ password: 'short', password2: 'other' }), fieldErrorWords('zh-CN'));
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.state.errors?.password).toEqual(['密码至少需要 8 个字符。']);
    expect(parsed.state.errors?.password2).toEqual(['两次输入的密码不一致。']);
  });

  it('word zod’s own checks in Chinese too, such as a file where text belongs', () => {
    const parsed = parseForm(resetPasswordSchema, form({ password: new Blob(['x']), password2: 'x' }), fieldErrorWords('zh-CN'));
    if (parsed.ok) throw new Error('a file was taken for a password');
    expect(parsed.state.errors?.password?.[0]).toMatch(/\p{Script=Han}/u);
  });

  it('keep English exactly as it was', () => {
    const parsed = parseForm(resetPasswordSchema, form({ password: 'short', password2: 'short' }), fieldErrorWords('en'));
    if (parsed.ok) throw new Error('a short password was taken');
    expect(parsed.state.errors?.password).toEqual(['Password must be at least 8 characters.']);
  });
});

describe('flash messages', () => {
  it.each([
    ['as the browser keeps it (encoded twice)', (text: string) => encodeURIComponent(encodeURIComponent(text))],
    ['encoded once', encodeURIComponent],
  ])('reach the page in Chinese through the proxy, from a cookie %s', (_form, encode) => {
    const message = '您的密码已重置。';
    const request = new NextRequest('http://app.test/login', { headers: { cookie: `${FLASH_COOKIE}=abc.${encode(message)}` } });
    const forwarded = new Headers();
    handOnFlash(request, forwarded);
    const value = forwarded.get(FLASH_HEADER) ?? '';
    expect(value.startsWith('abc.')).toBe(true);
    expect(decodeURIComponent(value.slice('abc.'.length))).toBe(message);
  });
});

// ---------------------------------------------------------------------------------------
// No user-facing literal outside the message files.

/** Props whose text a person reads or hears. */
const USER_FACING_PROPS = new Set(['label', 'title', 'placeholder', 'alt', 'aria-label', 'aria-description', 'hint', 'summary']);
/** Calls whose string arguments end up on a page. */
const USER_FACING_CALLS = new Set(['setFlash', 'formMessage', 'fieldErrors']);
/** Email blocks' text. */
const EMAIL_TEXT_PROPERTIES = new Set(['text', 'label', 'lines']);

const hasWords = (text: string) => /\p{L}/u.test(text);
const isText = (node: ts.Node): node is ts.StringLiteral | ts.NoSubstitutionTemplateLiteral | ts.TemplateExpression =>
  ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node) || ts.isTemplateExpression(node);

/** String literals an expression can evaluate to: its branches, defaults and concatenations, not a call's arguments (t('key')). */
function literalsReturnedBy(node: ts.Node): ts.Node[] {
  if (isText(node)) return [node];
  if (ts.isParenthesizedExpression(node)) return literalsReturnedBy(node.expression);
  if (ts.isConditionalExpression(node)) return [...literalsReturnedBy(node.whenTrue), ...literalsReturnedBy(node.whenFalse)];
  if (ts.isBinaryExpression(node)) return [...literalsReturnedBy(node.left), ...literalsReturnedBy(node.right)];
  if (ts.isArrayLiteralExpression(node)) return node.elements.flatMap(literalsReturnedBy);
  if (ts.isObjectLiteralExpression(node)) return node.properties.flatMap((property) => (ts.isPropertyAssignment(property) ? literalsReturnedBy(property.initializer) : []));
  return [];
}

/** The words a literal writes; a template's own text, not the code between its braces. */
function textOf(node: ts.Node): string {
  if (ts.isTemplateExpression(node)) return [node.head.text, ...node.templateSpans.map((span) => span.literal.text)].join(' ');
  return ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node) ? node.text : '';
}

/** Each literal a person would read in `source`, as `file:line: text`. */
export function userFacingLiterals(fileName: string, source: string): string[] {
  const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, true, fileName.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const found: string[] = [];
  const report = (node: ts.Node, text: string) => {
    if (hasWords(text)) found.push(`${fileName}:${file.getLineAndCharacterOfPosition(node.getStart()).line + 1}: ${text.trim()}`);
  };
  const isEmail = fileName.startsWith('emails/');
  const visit = (node: ts.Node) => {
    if (ts.isJsxText(node)) report(node, node.getText());
    if (ts.isJsxExpression(node) && node.expression && !ts.isJsxAttribute(node.parent)) {
      for (const literal of literalsReturnedBy(node.expression)) report(literal, textOf(literal));
    }
    if (ts.isJsxAttribute(node) && USER_FACING_PROPS.has(node.name.getText()) && node.initializer) {
      const value = ts.isJsxExpression(node.initializer) ? node.initializer.expression : node.initializer;
      for (const literal of value ? literalsReturnedBy(value) : []) report(literal, textOf(literal));
    }
    if (ts.isCallExpression(node) && USER_FACING_CALLS.has(node.expression.getText())) {
      for (const literal of node.arguments.flatMap(literalsReturnedBy)) report(literal, textOf(literal));
    }
    if (ts.isPropertyAssignment(node)) {
      const name = node.name.getText();
      const checked = isEmail ? EMAIL_TEXT_PROPERTIES.has(name) : ['title', 'description'].includes(name);
      if (checked) for (const literal of literalsReturnedBy(node.initializer)) report(literal, textOf(literal));
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return found;
}

function sourceFiles(directory: string): string[] {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const path = join(directory, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(entry.name) && !entry.name.endsWith('.d.ts') ? [path] : [];
  });
}

// English by design: the development mailbox (/dev/mail), a developer's tool that is off in production,
// and error mail, which goes to the admins whoever caused the error.
const EXEMPT = [/^app\/dev\//, /^emails\/error-report\.ts$/];

describe('components and emails', () => {
  it('render no user-facing literal: every text a person reads comes from messages/*.json', () => {
    const root = process.cwd();
    const files = ['app', 'components', 'emails', 'lib', 'i18n']
      .flatMap((directory) => sourceFiles(join(root, directory)))
      .map((path) => relative(root, path))
      .filter((path) => !EXEMPT.some((pattern) => pattern.test(path)));
    expect(files.length).toBeGreaterThan(40);
    expect(files.flatMap((path) => userFacingLiterals(path, readFileSync(join(root, path), 'utf8')))).toEqual([]);
  });

  it.each([
    ['a JSX text node', 'app/x.tsx', 'export const A = () => <h1>Sign In</h1>;'],
    ['a text chosen in JSX', 'app/x.tsx', "export const A = ({ s }: { s: boolean }) => <b>{s ? 'Hide' : 'Show'}</b>;"],
    ['a label prop', 'app/x.tsx', 'export const A = () => <Field label="Email" />;'],
    ['an aria-label in braces', 'app/x.tsx', "export const A = () => <nav aria-label={'Main'} />;"],
    ['a page title', 'app/x.tsx', "export const metadata = { title: 'Home' };"],
    ['a flash message', 'app/actions.ts', "await setFlash('Your post is now live!');"],
    ['a form message', 'app/actions.ts', "return formMessage(formData, `Too many ${n} attempts`);"],
    ['a field error', 'app/actions.ts', "return fieldErrors(formData, { username: ['Please use a different username.'] });"],
    ['an email paragraph', 'emails/x.ts', "renderEmail(locale, t('s'), [{ kind: 'paragraph', text: 'Dear you,' }]);"],
  ])('would notice %s', (_kind, fileName, source) => {
    expect(userFacingLiterals(fileName, source)).not.toEqual([]);
  });

  it('lets keys, class names and punctuation through', () => {
    const source = "export const A = () => <p className=\"muted\" title={t('title')}>{t('said', { who: 'x' })} · {' '}<Link href=\"/login\">{t('back')}</Link></p>;";
    expect(userFacingLiterals('app/x.tsx', source)).toEqual([]);
  });
});
