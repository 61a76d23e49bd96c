import { avatarPath, type AvatarSize } from '@/lib/social/avatar-path';

/**
 * A user's avatar from our own avatar route, which answers with their Gravatar picture or
 * a letter avatar: it always loads, with or without JavaScript, and no hash of an email
 * address reaches the page.
 */
export function Avatar({ username, size }: { username: string; size: AvatarSize }) {
  // eslint-disable-next-line @next/next/no-img-element -- served by our own route at a fixed size; next/image would add nothing
  return <img className="avatar" src={avatarPath(username, size)} width={size} height={size} alt="" />;
}
