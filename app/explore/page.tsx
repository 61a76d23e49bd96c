import type { Metadata } from 'next';
import { PostList } from '@/components/post-list';
import { requireUser } from '@/lib/auth/dal';
import { findExplorePage } from '@/lib/db/posts';
import { pageNumber } from '@/lib/validation/posts';

export const metadata: Metadata = { title: 'Explore' };

export default async function ExplorePage({ searchParams }: PageProps<'/explore'>) {
  await requireUser('/explore');
  const page = await findExplorePage(pageNumber((await searchParams).page));
  return (
    <section>
      <h1>Explore</h1>
      <PostList page={page} basePath="/explore" />
    </section>
  );
}
