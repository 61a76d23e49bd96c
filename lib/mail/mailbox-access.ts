import 'server-only';
import { getConfig, type Config } from '@/lib/config';
import { hasBearerToken } from '@/lib/http/bearer';

/** granted: read on; refused: 401, the token is wrong or missing; hidden: 404, there is no mailbox here. */
export type MailboxAccess = 'granted' | 'refused' | 'hidden';

/** Whether a request may read captured mail through GET /dev/mail/latest. */
export function mailboxAccess(authorization: string | null, api: Config['mailboxApi'] = getConfig().mailboxApi): MailboxAccess {
  if (!api) return 'hidden';
  if (api.token === null || hasBearerToken(authorization, api.token)) return 'granted';
  return 'refused';
}
