import { titleOf } from '@/i18n/metadata';
import { redirectIfSignedIn } from '@/lib/auth/dal';
import { safeRedirectPath } from '@/lib/http/safe-redirect';
import { LoginCard } from '../login-card';

export const generateMetadata = titleOf('login');

/** /login for whoever the prerendered page cannot serve: a session, a flash message, a return path, another language. */
export default async function RenderedLoginPage({ searchParams }: PageProps<'/login/rendered'>) {
  await redirectIfSignedIn();
  const { next } = await searchParams;
  return <LoginCard next={safeRedirectPath(next)} />;
}
