import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
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
  return { title: safeDecodeURIComponent((await params).username) || (await getTranslations('profile'))('titleFallback') };
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
  const [t, locale] = await Promise.all([getTranslations('profile'), getLocale()]);
  const lastSeen = user.lastSeen;
  return (
    <section>
      <div className="profile">
        <Avatar username={user.username} size={128} />
        <div>
          <h1>{t('heading', { username: user.username })}</h1>
          {user.aboutMe ? <p className="about">{user.aboutMe}</p> : null}
          {lastSeen ? <p>{t.rich('lastSeen', { when: () => <LocalTime date={lastSeen} locale={locale} /> })}</p> : null}
          {/* Counts as digits, as they always were here: no thousands separators. */}
          <p>{t('follows', { followers, followersShown: String(followers), followingShown: String(following) })}</p>
          {user.id === me.id ? (
            <p>
              <Link href="/edit-profile">{t('editProfile')}</Link>
            </p>
          ) : (
            <form action={followed ? unfollowUser : followUser}>
              <input type="hidden" name="username" value={user.username} />
              <button type="submit">{followed ? t('unfollow') : t('follow')}</button>
            </form>
          )}
        </div>
      </div>
      <h2 className="visually-hidden">{t('posts', { username: user.username })}</h2>
      <PostList page={page} basePath={basePath} />
    </section>
  );
}
