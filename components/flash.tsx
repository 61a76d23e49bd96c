import { ClearFlash } from '@/components/clear-flash';
import { readFlash } from '@/lib/flash';

export async function Flash() {
  const message = await readFlash();
  if (!message) return null;
  return (
    <div className="flash" role="status">
      {message}
      <ClearFlash />
    </div>
  );
}
