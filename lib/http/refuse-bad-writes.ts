import { NextResponse } from 'next/server';
import { malformedWriteStatus } from './malformed-write';
import { isCrossSiteWrite } from './same-origin';

/**
 * Proxy step: the answer to a write that must not reach Next.js — one sent from another
 * site (403), or one whose body cannot be a form or action call of ours — else null.
 */
export async function refuseBadWrite(request: Request, appOrigin: string): Promise<NextResponse | null> {
  if (isCrossSiteWrite(request, appOrigin)) return new NextResponse('Cross-site request refused.', { status: 403 });
  const malformed = await malformedWriteStatus(request);
  if (malformed) return new NextResponse('This request cannot be handled.', { status: malformed });
  return null;
}
