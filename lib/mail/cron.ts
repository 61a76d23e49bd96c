import 'server-only';
import { getConfig } from '@/lib/config';
import { hasBearerToken } from '@/lib/http/bearer';
import { requestDrain, type DrainReport } from './drain';

/** Drains the outbox for a scheduler that holds CRON_SECRET; null for anyone else. */
export async function drainForCron(authorization: string | null): Promise<DrainReport | null> {
  const secret = getConfig().cronSecret;
  if (!secret || !hasBearerToken(authorization, secret)) return null;
  return requestDrain();
}
