import { verifySession } from '@/lib/auth/dal';
import { findUserByUsername } from '@/lib/db/users';
import { safeDecodeURIComponent } from '@/lib/http/safe-decode';
import { avatarFor, letterAvatar } from '@/lib/social/avatar';
import { AVATAR_SIZES } from '@/lib/social/avatar-path';

/** A member's avatar, for members (as profiles are); an unknown name gets a letter, like a name with no picture. */
export async function GET(request: Request, { params }: RouteContext<'/avatar/[username]'>) {
  if (!(await verifySession())) return new Response('Sign in to see avatars.', { status: 401 });
  const username = safeDecodeURIComponent((await params).username) ?? '';
  const asked = Number(new URL(request.url).searchParams.get('s'));
  const size = AVATAR_SIZES.find((known) => known === asked) ?? AVATAR_SIZES[0];
  const user = await findUserByUsername(username);
  const image = user ? await avatarFor(user, size) : letterAvatar(username || '?', size);
  return new Response(Buffer.from(image.body), {
    headers: { 'Content-Type': image.contentType, 'Cache-Control': 'private, max-age=3600', 'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'" },
  });
}
