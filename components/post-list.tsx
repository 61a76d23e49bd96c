import Link from 'next/link';
import type { ReactNode } from 'react';
import { getLocale, getTranslations } from 'next-intl/server';
import { Avatar } from '@/components/avatar';
import type { PostPage } from '@/lib/db/posts';
import { LocalTime } from '@/components/local-time';
import { profilePath } from '@/lib/social/profile-path';

/** A page of posts with "Newer posts" / "Older posts" links; bodies are rendered as text, never HTML. */
export async function PostList({ page, basePath, empty }: { page: PostPage; basePath: string; empty?: ReactNode }) {
  const href = (n: number) => `${basePath}?page=${n}`;
  const [t, locale] = await Promise.all([getTranslations('posts'), getLocale()]);
  return (
    <>
      {page.posts.length === 0 ? <p className="muted">{empty ?? t('none')}</p> : null}
      <ol className="posts">
        {page.posts.map((post) => (
          <li key={post.id} className="post">
            <Avatar username={post.author.username} size={36} />
            <div>
              <p className="post-meta">
                {t.rich('said', {
                  username: post.author.username,
                  author: (chunks) => <Link href={profilePath(post.author.username)}>{chunks}</Link>,
                  when: () => <LocalTime date={post.createdAt} locale={locale} relative />,
                })}
              </p>
              <p className="post-body">{post.body}</p>
            </div>
          </li>
        ))}
      </ol>
      <nav aria-label={t('pages')} className="pager">
        {page.hasNewer ? <Link href={href(page.page - 1)}>{t('newer')}</Link> : <span />}
        {page.hasOlder ? <Link href={href(page.page + 1)}>{t('older')}</Link> : <span />}
      </nav>
    </>
  );
}
