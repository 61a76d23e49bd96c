import { getTranslations } from 'next-intl/server';
import { PostList } from '@/components/post-list';
import { titleOf } from '@/i18n/metadata';
import { requireUser } from '@/lib/auth/dal';
import { findExplorePage } from '@/lib/db/posts';
import { pageNumber } from '@/lib/validation/posts';

export const generateMetadata = titleOf('explore');

export default async function ExplorePage({ searchParams }: PageProps<'/explore'>) {
  await requireUser('/explore');
  const page = await findExplorePage(pageNumber((await searchParams).page));
  const t = await getTranslations('explore');
  return (
    <section>
      <h1>{t('title')}</h1>
      <PostList page={page} basePath="/explore" />
    </section>
  );
}
