import 'server-only';
import { createTranslator } from 'next-intl';
import { getLocale } from 'next-intl/server';
import zodChinese from 'zod/v4/locales/zh-CN.js';
import { FIELD_LIMITS } from '@/lib/validation/limits';
import type * as z from 'zod/mini';
import { parseForm, type FieldErrorWords, type Parsed } from '@/lib/validation/form-state';
import { MESSAGES } from './catalog';
import type { Locale } from './locales';
import type { FieldErrorKey } from './messages';

// One per language and process: a translator keeps each message it has parsed, and
// building one per request cost more than the form's own checks.
const globalForWords = globalThis as unknown as { microblogFieldErrorWords?: Map<Locale, FieldErrorWords> };
const wordsByLocale = (globalForWords.microblogFieldErrorWords ??= new Map());

/** Field errors in `locale`: the schemas' message keys in its words, zod's own messages in its language. */
export function fieldErrorWords(locale: Locale): FieldErrorWords {
  const known = wordsByLocale.get(locale);
  if (known) return known;
  const words = wordsIn(locale);
  wordsByLocale.set(locale, words);
  return words;
}

function wordsIn(locale: Locale): FieldErrorWords {
  const messages = MESSAGES[locale];
  const t = createTranslator({ locale, messages, namespace: 'fieldErrors' });
  const isKey = (message: string): message is FieldErrorKey => Object.hasOwn(messages.fieldErrors, message);
  return {
    translate: (message) => (isKey(message) ? t(message, FIELD_LIMITS) : message),
    // zod speaks English by itself; a check with no key of ours (a file where text belongs) is worded by zod.
    zodDefaults: locale === 'zh-CN' ? zodChinese().localeError : undefined,
  };
}

// Words for a first parse, whose messages are never shown: a post that fails is parsed again in the reader's.
const UNSHOWN: FieldErrorWords = { translate: (message) => message };

/**
 * Parses a form post, its field errors in the language of the page it was posted from.
 * That language is looked up only when there are errors to word: not for a valid post,
 * nearly every one, which it cost about 1% of the forgot post (bench/README.md).
 */
export async function parseFormPost<Schema extends z.ZodMiniType>(schema: Schema, formData: FormData): Promise<Parsed<z.output<Schema>>> {
  const parsed = parseForm(schema, formData, UNSHOWN);
  return parsed.ok ? parsed : parseForm(schema, formData, fieldErrorWords(await getLocale()));
}
