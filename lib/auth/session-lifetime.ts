/**
 * How long a session lasts. Plain numbers with no imports, so auth.config.ts (which must
 * stay free of Node-only modules) and the session store read the same ones.
 */
export const SESSION_MAX_AGE_SECONDS = 30 * 24 * 3600;
