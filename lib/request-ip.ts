import 'server-only';
import { headers } from 'next/headers';
import { clientIp } from '@/lib/client-ip';
import { getConfig } from '@/lib/config';

/** The address of the client making the current request. */
export async function requestIp(): Promise<string> {
  return clientIp(await headers(), getConfig().trustProxy);
}
