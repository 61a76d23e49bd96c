import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { FormText } from '@/i18n/client-text';
import { titleOf } from '@/i18n/metadata';
import { requireUser } from '@/lib/auth/dal';
import { EditProfileForm } from './edit-profile-form';

export const generateMetadata = titleOf('editProfile');

export default async function EditProfilePage() {
  const user = await requireUser('/edit-profile');
  const t = await getTranslations('editProfile');
  return (
    <section className="card">
      <h1>{t('title')}</h1>
      <FormText>
        <EditProfileForm username={user.username} aboutMe={user.aboutMe ?? ''} />
      </FormText>
      <p>{t.rich('toSettings', { settings: (chunks) => <Link href="/settings">{chunks}</Link> })}</p>
    </section>
  );
}
