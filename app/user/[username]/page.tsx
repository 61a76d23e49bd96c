import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { Avatar } from '@/components/avatar';
import { LocalTime } from '@/components/local-time';
import { PostList } from '@/components/post-list';
import { requireUser } from '@/lib/auth/dal';
import { countFollows, isFollowing } from '@/lib/db/followers';
import { findUserPostsPage } from '@/lib/db/posts';
import { findUserByUsername } from '@/lib/db/users';
import { safeDecodeURIComponent } from '@/lib/http/safe-decode';
import { profilePath } from '@/lib/social/profile-path';
import { pageNumber } from '@/lib/validation/posts';
import { followUser, unfollowUser } from './actions';

export async function generateMetadata({ params }: PageProps<'/user/[username]'>): Promise<Metadata> {
  return { title: safeDecodeURIComponent((await params).username) || 'User' };
}

export default async function ProfilePage({ params, searchParams }: PageProps<'/user/[username]'>) {
  const username = safeDecodeURIComponent((await params).username) ?? '';
  const me = await requireUser(profilePath(username));
  const user = await findUserByUsername(username);
  if (!user) notFound();
  const { followers, following } = await countFollows(user.id);
  const followed = user.id !== me.id && (await isFollowing(me.id, user.id));
  const page = await findUserPostsPage(user.id, pageNumber((await searchParams).page));
  const basePath = profilePath(user.username);
  return (
    <section>
      <div className="profile">
        <Avatar username={user.username} size={128} />
        <div>
          <h1>User: {user.username}</h1>
          {user.aboutMe ? <p className="about">{user.aboutMe}</p> : null}
          {user.lastSeen ? (
            <p>
              Last seen on: <LocalTime date={user.lastSeen} />
            </p>
          ) : null}
          <p>
            {followers} follower{followers === 1 ? '' : 's'}, {following} following.
          </p>
          {user.id === me.id ? (
            <p>
              <Link href="/edit-profile">Edit your profile</Link>
            </p>
          ) : (
            <form action={followed ? unfollowUser : followUser}>
              <input type="hidden" name="username" value={user.username} />
              <button type="submit">{followed ? 'Unfollow' : 'Follow'}</button>
            </form>
          )}
        </div>
      </div>
      <h2 className="visually-hidden">Posts by {user.username}</h2>
      <PostList page={page} basePath={basePath} />
    </section>
  );
}
