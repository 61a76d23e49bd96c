import 'server-only';
import { desc, eq, inArray, or } from 'drizzle-orm';
import { getDb } from './client';
import { followers, posts, users, type Post } from './schema';

export const POSTS_PER_PAGE = 25;

export type PostWithAuthor = Pick<Post, 'id' | 'body' | 'createdAt'> & { author: { username: string } };
export type PostPage = { posts: PostWithAuthor[]; page: number; hasNewer: boolean; hasOlder: boolean };

export function createPost(userId: number, body: string): Post {
  return getDb().insert(posts).values({ userId, body }).returning().get();
}

/** One page of posts matching `where`, newest first; one extra row tells whether an older page exists. */
function pageOf(where: ReturnType<typeof eq> | undefined, page: number): PostPage {
  const rows = getDb()
    .select({ id: posts.id, body: posts.body, createdAt: posts.createdAt, username: users.username })
    .from(posts)
    .innerJoin(users, eq(users.id, posts.userId))
    .where(where)
    .orderBy(desc(posts.createdAt), desc(posts.id))
    .limit(POSTS_PER_PAGE + 1)
    .offset((page - 1) * POSTS_PER_PAGE)
    .all();
  return {
    posts: rows.slice(0, POSTS_PER_PAGE).map(({ username, ...post }) => ({ ...post, author: { username } })),
    page,
    hasNewer: page > 1,
    hasOlder: rows.length > POSTS_PER_PAGE,
  };
}

/** The home timeline: the user's own posts and those of everyone they follow. */
export function findTimelinePage(userId: number, page: number): PostPage {
  const followed = getDb().select({ id: followers.followedId }).from(followers).where(eq(followers.followerId, userId));
  return pageOf(or(eq(posts.userId, userId), inArray(posts.userId, followed)), page);
}

export function findExplorePage(page: number): PostPage {
  return pageOf(undefined, page);
}

export function findUserPostsPage(userId: number, page: number): PostPage {
  return pageOf(eq(posts.userId, userId), page);
}
