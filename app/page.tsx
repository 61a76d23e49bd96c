import type { Metadata } from 'next';
import Link from 'next/link';
import { PostList } from '@/components/post-list';
import { requireUser } from '@/lib/auth/dal';
import { findTimelinePage } from '@/lib/db/posts';
import { pageNumber } from '@/lib/validation/posts';
import { PostForm } from './post-form';

export const metadata: Metadata = { title: 'Home' };

export default async function HomePage({ searchParams }: PageProps<'/'>) {
  const user = await requireUser('/');
  const page = await findTimelinePage(user.id, pageNumber((await searchParams).page));
  return (
    <section>
      <h1>Hi, {user.username}!</h1>
      <PostForm />
      <h2 className="visually-hidden">Your timeline</h2>
      <PostList
        page={page}
        basePath="/"
        empty={
          page.page === 1 ? (
            <>
              Your timeline is empty. Say something above, or find people to follow on <Link href="/explore">Explore</Link>.
            </>
          ) : undefined
        }
      />
    </section>
  );
}
