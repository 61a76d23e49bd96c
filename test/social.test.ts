import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDb } from '@/lib/db/client';
import { countFollows, isFollowing } from '@/lib/db/followers';
import { createPost, findExplorePage, findTimelinePage, findUserPostsPage, POSTS_PER_PAGE } from '@/lib/db/posts';
import { createUser, updateProfile } from '@/lib/db/users';
import { changeFollow } from '@/lib/social/follow';
import { editProfileSchema, pageNumber, postSchema } from '@/lib/validation/posts';

let counter = 0;
async function user(name: string) {
  counter += 1;
  const result = await createUser({ username: `${name}${counter}`, email: `${name}${counter}@example.com`, passwordHash: 'scrypt$unused' });
  if (!result.ok) throw new Error('could not create user');
  return result.user;
}

/** A post at a given minute, so the order is certain. */
async function postAt(userId: number, body: string, minute: number) {
  const post = await createPost(userId, body);
  const { db, posts } = await getDb();
  await db.update(posts).set({ createdAt: new Date(Date.UTC(2026, 0, 1, 0, minute)) }).where(eq(posts.id, post.id));
  return post;
}

describe('timeline', () => {
  it("shows the user's own posts and those of people they follow, newest first", async () => {
    const [john, susan, david] = [await user('john'), await user('susan'), await user('david')];
    await postAt(john.id, 'john 1', 1);
    await postAt(susan.id, 'susan 2', 2);
    await postAt(david.id, 'david 3', 3);
    await postAt(john.id, 'john 4', 4);
    await changeFollow(john, susan.username, 'follow');
    expect((await findTimelinePage(john.id, 1)).posts.map((post) => post.body)).toEqual(['john 4', 'susan 2', 'john 1']);
    expect((await findTimelinePage(david.id, 1)).posts.map((post) => post.body)).toEqual(['david 3']);
    await changeFollow(john, susan.username, 'unfollow');
    expect((await findTimelinePage(john.id, 1)).posts.map((post) => post.body)).toEqual(['john 4', 'john 1']);
  });

  it('pages by 25 with links to newer and older pages, and an empty page past the end', async () => {
    const author = await user('prolific');
    for (let minute = 0; minute < POSTS_PER_PAGE + 3; minute += 1) await postAt(author.id, `post ${minute}`, minute);
    const first = await findUserPostsPage(author.id, 1);
    expect(first.posts).toHaveLength(25);
    expect(first.posts[0]?.body).toBe('post 27');
    expect(first).toMatchObject({ hasNewer: false, hasOlder: true });
    const second = await findUserPostsPage(author.id, 2);
    expect(second.posts.map((post) => post.body)).toEqual(['post 2', 'post 1', 'post 0']);
    expect(second).toMatchObject({ hasNewer: true, hasOlder: false });
    expect((await findUserPostsPage(author.id, 99)).posts).toEqual([]);
  });

  it('explore shows everyone', async () => {
    const someone = await user('someone');
    await postAt(someone.id, 'hello world', 59);
    expect((await findExplorePage(1)).posts.map((post) => post.body)).toContain('hello world');
  });
});

describe('following', () => {
  it('follows and unfollows by username in any case, and counts both ways', async () => {
    const [ann, bob] = [await user('ann'), await user('bob')];
    expect(await changeFollow(ann, bob.username.toUpperCase(), 'follow')).toEqual({ ok: true, username: bob.username });
    expect((await changeFollow(ann, bob.username, 'follow')).ok).toBe(true);
    expect(await isFollowing(ann.id, bob.id)).toBe(true);
    expect(await countFollows(bob.id)).toEqual({ followers: 1, following: 0 });
    expect(await countFollows(ann.id)).toEqual({ followers: 0, following: 1 });
    expect(await changeFollow(ann, bob.username, 'unfollow')).toEqual({ ok: true, username: bob.username });
    expect(await isFollowing(ann.id, bob.id)).toBe(false);
  });

  it('refuses to follow yourself or someone who does not exist', async () => {
    const carl = await user('carl');
    expect(await changeFollow(carl, carl.username, 'follow')).toEqual({ ok: false, reason: 'self' });
    expect(await changeFollow(carl, 'ghost', 'follow')).toEqual({ ok: false, reason: 'not-found' });
    expect(await countFollows(carl.id)).toEqual({ followers: 0, following: 0 });
  });
});

describe('posts and profile validation', () => {
  it('takes 1 to 140 characters', () => {
    expect(postSchema.safeParse({ post: '' }).success).toBe(false);
    expect(postSchema.safeParse({ post: '   ' }).success).toBe(false);
    expect(postSchema.safeParse({ post: 'x'.repeat(141) }).success).toBe(false);
    expect(postSchema.safeParse({ post: 'x'.repeat(140) }).success).toBe(true);
  });

  it('limits about me to 140 characters', () => {
    expect(editProfileSchema.safeParse({ username: 'me', about_me: 'y'.repeat(141) }).success).toBe(false);
    expect(editProfileSchema.safeParse({ username: 'me', about_me: '' }).success).toBe(true);
  });

  it('refuses a username someone else has', async () => {
    const [first, second] = [await user('first'), await user('second')];
    expect(await updateProfile(second.id, { username: first.username.toUpperCase(), aboutMe: '' })).toEqual({ ok: false, taken: 'username' });
  });

  it.each([
    [undefined, 1],
    ['2', 2],
    ['0', 1],
    ['-3', 1],
    ['abc', 1],
    ['1e99', 1],
    ['99999999999', 1],
    [['4', '5'], 4],
  ])('reads ?page=%j as page %i', (value, page) => {
    expect(pageNumber(value)).toBe(page);
  });
});
