import Link from 'next/link';
import { verifySession } from '@/lib/auth/dal';
import { logout } from '@/lib/auth/logout-action';
import { profilePath } from '@/lib/social/profile-path';

export async function Nav() {
  const user = await verifySession();
  return (
    <header className="nav">
      <nav aria-label="Main" className="nav-inner">
        <Link href="/" className="brand">
          Microblog
        </Link>
        <ul className="nav-links">
          <li>
            <Link href="/">Home</Link>
          </li>
          <li>
            <Link href="/explore">Explore</Link>
          </li>
          {user ? (
            <>
              <li>
                <Link href={profilePath(user.username)}>Profile</Link>
              </li>
              <li>
                <Link href="/settings">Settings</Link>
              </li>
              <li>
                <form action={logout}>
                  <button type="submit" className="link-button">
                    Logout
                  </button>
                </form>
              </li>
            </>
          ) : (
            <li>
              <Link href="/login">Login</Link>
            </li>
          )}
        </ul>
      </nav>
    </header>
  );
}
