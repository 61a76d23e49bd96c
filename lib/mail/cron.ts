import 'server-only';
import { timingSafeEqual } from 'node:crypto';
import { getConfig } from '@/lib/config';
import { requestDrain, type DrainReport } from './drain';

function bearerMatches(authorization: string | null, secret: string): boolean {
  const expected = Buffer.from(`Bearer ${secret}`);
  const given = Buffer.from(authorization ?? '');
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** Drains the outbox for a scheduler that holds CRON_SECRET; null for anyone else. */
export async function drainForCron(authorization: string | null): Promise<DrainReport | null> {
  const secret = getConfig().cronSecret;
  if (!secret || !bearerMatches(authorization, secret)) return null;
  return requestDrain();
}
