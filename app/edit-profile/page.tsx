import type { Metadata } from 'next';
import { requireUser } from '@/lib/auth/dal';
import { EditProfileForm } from './edit-profile-form';

export const metadata: Metadata = { title: 'Edit Profile' };

export default async function EditProfilePage() {
  const user = await requireUser('/edit-profile');
  return (
    <section className="card">
      <h1>Edit Profile</h1>
      <EditProfileForm username={user.username} aboutMe={user.aboutMe ?? ''} />
    </section>
  );
}
