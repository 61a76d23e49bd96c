import type { Metadata } from 'next';
import Link from 'next/link';
import { requireUser } from '@/lib/auth/dal';
import { EditProfileForm } from './edit-profile-form';

export const metadata: Metadata = { title: 'Edit Profile' };

export default async function EditProfilePage() {
  const user = await requireUser('/edit-profile');
  return (
    <section className="card">
      <h1>Edit Profile</h1>
      <EditProfileForm username={user.username} aboutMe={user.aboutMe ?? ''} />
      <p>
        To change your email address or password, go to <Link href="/settings">Settings</Link>.
      </p>
    </section>
  );
}
