import { titleOf } from '@/i18n/metadata';
import { LoginCard } from './login-card';

// Rendered once by the build, with no request (so no cookies and no headers: English, signed
// out, no flash), and served as it is to most visitors; lib/http/prerendered-pages.ts sends the
// others to ./rendered.
export const dynamic = 'force-static';

export const generateMetadata = titleOf('login');

export default function LoginPage() {
  return <LoginCard next="/" />;
}
