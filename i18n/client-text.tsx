import type { ReactNode } from 'react';
import { getLocale, getTranslations } from 'next-intl/server';
import { TextProvider } from '@/components/text-provider';
import { FIELD_LIMITS } from '@/lib/validation/limits';
import { MESSAGES } from './catalog';
import { DEFAULT_LOCALE, isLocale, type Locale } from './locales';
import type { ClientMessages, ClientNamespace } from './messages';

type NamespaceTexts = Record<string, string>;
type TextCache = Map<`${Locale}:${ClientNamespace}`, NamespaceTexts>;

// A namespace's words depend on nothing but the language (the values are constants), and
// formatting every message of it again was a tenth of a page's cost: once per process.
const globalForTexts = globalThis as unknown as { microblogClientTexts?: TextCache };
const formatted: TextCache = (globalForTexts.microblogClientTexts ??= new Map());

async function textsOf(locale: Locale, namespace: ClientNamespace): Promise<NamespaceTexts> {
  const cached = formatted.get(`${locale}:${namespace}`);
  if (cached) return cached;
  const t = await getTranslations({ locale, namespace });
  const format = t as unknown as (key: string, values: typeof FIELD_LIMITS) => string;
  const texts = Object.fromEntries(Object.keys(MESSAGES.en[namespace]).map((key) => [key, format(key, FIELD_LIMITS)]));
  formatted.set(`${locale}:${namespace}`, texts);
  return texts;
}

/**
 * Hands the client components below it their words: the named namespaces in the page's
 * language, already formatted, so the browser needs no message formatter and gets no
 * other language and no other namespace.
 */
export async function ClientText({ namespaces, children }: { namespaces: ClientNamespace[]; children: ReactNode }) {
  const requested = await getLocale();
  const locale = isLocale(requested) ? requested : DEFAULT_LOCALE;
  const texts: Partial<ClientMessages> = {};
  for (const namespace of namespaces) Object.assign(texts, { [namespace]: await textsOf(locale, namespace) });
  return <TextProvider texts={texts}>{children}</TextProvider>;
}

/** What every form needs: its labels and buttons, and the words for its schema's message keys. */
export function FormText({ children }: { children: ReactNode }) {
  return <ClientText namespaces={['fields', 'forms', 'fieldErrors']}>{children}</ClientText>;
}
