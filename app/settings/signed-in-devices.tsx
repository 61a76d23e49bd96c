import { getFormatter, getTranslations } from 'next-intl/server';
import { describeBrowser } from '@/lib/auth/browser-name';
import { signedInDevices } from '@/lib/auth/sessions';
import { signOutOtherDevices } from './actions';

/**
 * The account's live sessions, this one marked, and a plain form (no JavaScript needed)
 * that signs out the others. Times are in UTC, as everything the server renders, and say so.
 */
export async function SignedInDevices({ userId, currentSessionId }: { userId: number; currentSessionId: string }) {
  const [sessions, t, format] = await Promise.all([signedInDevices(userId), getTranslations('settings'), getFormatter()]);
  const nameOf = (userAgent: string) => {
    const { browser, platform } = describeBrowser(userAgent);
    const browserName = browser ?? t('unknownBrowser');
    return platform ? t('browserOnPlatform', { browser: browserName, platform }) : browserName;
  };
  return (
    <>
      <ul aria-labelledby="devices">
        {sessions.map((session) => (
          <li key={session.id} aria-current={session.id === currentSessionId ? 'true' : undefined}>
            <strong>{nameOf(session.userAgent)}</strong>
            {session.id === currentSessionId ? <> ({t('thisDevice')})</> : null}
            <br />
            <span className="muted">
              {t('lastSeen', {
                time: format.dateTime(session.lastSeenAt, { year: 'numeric', month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit', timeZoneName: 'short' }),
              })}
            </span>
          </li>
        ))}
      </ul>
      {sessions.some((session) => session.id !== currentSessionId) ? (
        <form action={signOutOtherDevices}>
          <button type="submit">{t('signOutOthers')}</button>
        </form>
      ) : null}
    </>
  );
}
