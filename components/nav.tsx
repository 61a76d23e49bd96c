import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { verifySession } from '@/lib/auth/dal';
import { logout } from '@/lib/auth/logout-action';
import { profilePath } from '@/lib/social/profile-path';

export async function Nav() {
  const [user, t] = await Promise.all([verifySession(), getTranslations('nav')]);
  return (
    <header className="nav">
      <nav aria-label={t('label')} className="nav-inner">
        <Link href="/" className="brand">
          {t('brand')}
        </Link>
        <ul className="nav-links">
          <li>
            <Link href="/">{t('home')}</Link>
          </li>
          <li>
            <Link href="/explore">{t('explore')}</Link>
          </li>
          {user ? (
            <>
              <li>
                <Link href={profilePath(user.username)}>{t('profile')}</Link>
              </li>
              <li>
                <Link href="/settings">{t('settings')}</Link>
              </li>
              <li>
                <form action={logout}>
                  <button type="submit" className="link-button">
                    {t('logout')}
                  </button>
                </form>
              </li>
            </>
          ) : (
            <li>
              <Link href="/login">{t('login')}</Link>
            </li>
          )}
        </ul>
      </nav>
    </header>
  );
}
