import { titleOf } from '@/i18n/metadata';
import { InvalidResetLink } from '../invalid-reset-link';

export const generateMetadata = titleOf('invalidResetLink');

export default function InvalidResetLinkPage() {
  return <InvalidResetLink />;
}
