import type { NextConfig } from 'next';
import createNextIntlPlugin from 'next-intl/plugin';

const nextConfig: NextConfig = {
  poweredByHeader: false,
  // The proxy gets the URL the router resolves rewrites against (see urlHere in lib/http/same-origin.ts).
  skipProxyUrlNormalize: true,
  serverExternalPackages: ['better-sqlite3'],
  // Files read by path at run time: the password blocklist and the migrations. Tracing finds
  // them only while each path stays a literal, so a serverless bundle cannot lose them to a refactor.
  outputFileTracingIncludes: { '/*': ['./lib/**/*.txt', './drizzle/**/*'] },
  async redirects() {
    // The seed app's URLs, so links already in people's mailboxes keep working.
    return [
      { source: '/reset_password_request', destination: '/forgot-password', permanent: true },
      { source: '/reset_password/:token', destination: '/reset/:token', permanent: true },
    ];
  },
};

// Points next-intl at i18n/request.ts, which picks each request's language (no locale in the URL).
export default createNextIntlPlugin('./i18n/request.ts')(nextConfig);
