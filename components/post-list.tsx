import Link from 'next/link';
import type { ReactNode } from 'react';
import { Avatar } from '@/components/avatar';
import type { PostPage } from '@/lib/db/posts';
import { LocalTime } from '@/components/local-time';
import { profilePath } from '@/lib/social/profile-path';

/** A page of posts with "Newer posts" / "Older posts" links; bodies are rendered as text, never HTML. */
export function PostList({ page, basePath, empty }: { page: PostPage; basePath: string; empty?: ReactNode }) {
  const href = (n: number) => `${basePath}?page=${n}`;
  return (
    <>
      {page.posts.length === 0 ? <p className="muted">{empty ?? 'No posts here yet.'}</p> : null}
      <ol className="posts">
        {page.posts.map((post) => (
          <li key={post.id} className="post">
            <Avatar username={post.author.username} size={36} />
            <div>
              <p className="post-meta">
                <Link href={profilePath(post.author.username)}>{post.author.username}</Link> said{' '}
                <LocalTime date={post.createdAt} relative />:
              </p>
              <p className="post-body">{post.body}</p>
            </div>
          </li>
        ))}
      </ol>
      <nav aria-label="Pages" className="pager">
        {page.hasNewer ? <Link href={href(page.page - 1)}>← Newer posts</Link> : <span />}
        {page.hasOlder ? <Link href={href(page.page + 1)}>Older posts →</Link> : <span />}
      </nav>
    </>
  );
}
