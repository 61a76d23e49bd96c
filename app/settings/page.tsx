import type { Metadata } from 'next';
import Link from 'next/link';
import { requireUser } from '@/lib/auth/dal';
import { ChangeEmailForm } from './change-email-form';
import { ChangePasswordForm } from './change-password-form';

export const metadata: Metadata = { title: 'Settings' };

export default async function SettingsPage() {
  const user = await requireUser('/settings');
  return (
    <section className="card">
      <h1>Settings</h1>
      <p>
        Your email address is <strong>{user.email}</strong>
        {user.emailConfirmedAt ? ' (confirmed).' : ' (not confirmed yet).'} Your name and about me are on{' '}
        <Link href="/edit-profile">Edit Profile</Link>.
      </p>
      <h2 id="change-email">Change Email</h2>
      <p>We will send a link to the new address; your address changes when you follow it.</p>
      <ChangeEmailForm labelledBy="change-email" />
      <h2 id="change-password">Change Password</h2>
      <p>Every other device signed in to your account will be signed out.</p>
      <ChangePasswordForm labelledBy="change-password" />
    </section>
  );
}
