import { ClearFlash } from './clear-flash';
import { readFlash } from './flash';

/** The flash message handed to this page, shown once above its content. */
export async function FlashBanner() {
  const message = await readFlash();
  if (!message) return null;
  return (
    <div className="flash" role="status">
      {message}
      <ClearFlash />
    </div>
  );
}
