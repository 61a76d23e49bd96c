import { verifySession } from '@/lib/auth/dal';
import { resendConfirmationEmail } from '@/lib/auth/resend-confirmation-action';

/** Shown to a signed-in user until their address is confirmed. */
export async function UnconfirmedBanner() {
  const user = await verifySession();
  if (!user || user.emailConfirmedAt) return null;
  return (
    <div className="banner" role="region" aria-label="Email confirmation">
      <p>
        Your email address {user.email} is not confirmed yet. Please follow the link we sent you.
      </p>
      <form action={resendConfirmationEmail}>
        <button type="submit" className="link-button">
          Resend confirmation email
        </button>
      </form>
    </div>
  );
}
