import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import type { Messages, Namespace } from './messages';

type TitledNamespace = { [N in Namespace]: Messages[N] extends { title: string } ? N : never }[Namespace];

/** A page's `generateMetadata`: its title from its namespace, in the page's language. */
export function titleOf(namespace: TitledNamespace): () => Promise<Metadata> {
  return async () => {
    const t = (await getTranslations(namespace)) as unknown as (key: 'title') => string;
    return { title: t('title') };
  };
}
