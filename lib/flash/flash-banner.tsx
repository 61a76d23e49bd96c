import { readFlash } from './flash';
import { FlashMessage } from './flash-message';

/** The flash message handed to this page, shown once above its content; a new flash is a new element. */
export async function FlashBanner() {
  const flash = await readFlash();
  if (!flash) return null;
  return <FlashMessage key={flash.id} message={flash.message} />;
}
