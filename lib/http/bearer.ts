import 'server-only';
import { constantTimeEqual } from '@/lib/constant-time';

/** Whether an Authorization header is exactly `Bearer <token>`, compared in constant time. */
export function hasBearerToken(authorization: string | null, token: string): boolean {
  return constantTimeEqual(authorization ?? '', `Bearer ${token}`);
}
