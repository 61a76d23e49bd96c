import type { Metadata } from 'next';
import { InvalidResetLink } from '../invalid-reset-link';

export const metadata: Metadata = { title: 'Link expired' };

export default function InvalidResetLinkPage() {
  return <InvalidResetLink />;
}
