// The words `next start` (lib/http/connection-helpers.ts) and its helpers
// (scripts/serve-handed-connections.mjs, plain Node outside the build) say to each other.

/** What a connection is handed over with; the server's keep-alive timeout goes with it. */
export const HANDED_CONNECTION = 'microblog:connection';
/** What a helper says once it can serve. */
export const HELPER_READY = 'microblog:ready';
