import type { NextRequest } from 'next/server';
import { runProxySteps } from '@/lib/http/proxy-steps';

export async function proxy(request: NextRequest) {
  return runProxySteps(request);
}

export const config = {
  // Literals only: Next.js reads the matcher from this file without running it. Exact asset
  // paths only: a prefix such as `_next/static` would also let `/_next/staticX` skip every
  // check. A post the front door already ran these steps for says so in
  // x-microblog-door-checked, with a value no client can send (DOOR_CHECKED_MARK in
  // lib/http/door-writes.ts). Vercel has no door, and its edge sets x-vercel-forwarded-for
  // on every request: there the steps run whatever a request says.
  matcher: [
    { source: '/((?!_next/static/|_next/image$|favicon\\.ico$).*)', missing: [{ type: 'header', key: 'x-microblog-door-checked', value: 'checked\\x01' }] },
    { source: '/((?!_next/static/|_next/image$|favicon\\.ico$).*)', has: [{ type: 'header', key: 'x-vercel-forwarded-for' }] },
  ],
};
