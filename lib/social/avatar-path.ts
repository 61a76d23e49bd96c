/** The sizes pages ask for (a post, a profile); the route serves these only. */
export const AVATAR_SIZES = [36, 128] as const;
export type AvatarSize = (typeof AVATAR_SIZES)[number];

/** Where a user's avatar is served, at one of the sizes the avatar route knows. */
export function avatarPath(username: string, size: AvatarSize): string {
  return `/avatar/${encodeURIComponent(username)}?s=${size}`;
}
