import type { ReactNode } from 'react';
import { getTranslations } from 'next-intl/server';
import { TextProvider } from '@/components/text-provider';
import { FIELD_LIMITS } from '@/lib/validation/fields';
import { MESSAGES } from './catalog';
import type { ClientMessages, ClientNamespace } from './messages';

/**
 * Hands the client components below it their words: the named namespaces in the page's
 * language, already formatted, so the browser needs no message formatter and gets no
 * other language and no other namespace.
 */
export async function ClientText({ namespaces, children }: { namespaces: ClientNamespace[]; children: ReactNode }) {
  const texts: Partial<ClientMessages> = {};
  for (const namespace of namespaces) {
    const t = await getTranslations(namespace);
    const format = t as unknown as (key: string, values: typeof FIELD_LIMITS) => string;
    const keys = Object.keys(MESSAGES.en[namespace]);
    Object.assign(texts, { [namespace]: Object.fromEntries(keys.map((key) => [key, format(key, FIELD_LIMITS)])) });
  }
  return <TextProvider texts={texts}>{children}</TextProvider>;
}

/** What every form needs: its labels and buttons, and the words for its schema's message keys. */
export function FormText({ children }: { children: ReactNode }) {
  return <ClientText namespaces={['fields', 'forms', 'fieldErrors']}>{children}</ClientText>;
}
