'use client';
import { createContext, use, type ReactNode } from 'react';
import type { ClientMessages, ClientNamespace } from '@/i18n/messages';

const TextContext = createContext<Partial<ClientMessages>>({});

/** The words a server component handed down (see i18n/client-text.tsx), added to those from above. */
export function TextProvider({ texts, children }: { texts: Partial<ClientMessages>; children: ReactNode }) {
  const above = use(TextContext);
  return <TextContext value={{ ...above, ...texts }}>{children}</TextContext>;
}

/** The words of one namespace, by key; a key no provider handed down shows as itself, so it is noticed. */
export function useText<N extends ClientNamespace>(namespace: N): (key: keyof ClientMessages[N] & string) => string {
  const texts = use(TextContext)[namespace] as Record<string, string> | undefined;
  return (key) => (texts && Object.hasOwn(texts, key) ? (texts[key] as string) : `${namespace}.${key}`);
}

/** A schema's message key in the page's words; zod's own messages, which are no key, as they are. */
export function useFieldErrorText(): (message: string | undefined) => string | undefined {
  const texts = use(TextContext).fieldErrors as Record<string, string> | undefined;
  return (message) => (message !== undefined && texts && Object.hasOwn(texts, message) ? texts[message] : message);
}
