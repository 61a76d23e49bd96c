import type { NextConfig } from 'next';

const nextConfig: NextConfig = {
  poweredByHeader: false,
  serverExternalPackages: ['better-sqlite3'],
  async redirects() {
    // The seed app's URLs, so links already in people's mailboxes keep working.
    return [
      { source: '/reset_password_request', destination: '/forgot-password', permanent: true },
      { source: '/reset_password/:token', destination: '/reset/:token', permanent: true },
    ];
  },
};

export default nextConfig;
