import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { PostList } from '@/components/post-list';
import { FormText } from '@/i18n/client-text';
import { titleOf } from '@/i18n/metadata';
import { requireUser } from '@/lib/auth/dal';
import { findTimelinePage } from '@/lib/db/posts';
import { pageNumber } from '@/lib/validation/posts';
import { PostForm } from './post-form';

export const generateMetadata = titleOf('home');

export default async function HomePage({ searchParams }: PageProps<'/'>) {
  const user = await requireUser('/');
  const page = await findTimelinePage(user.id, pageNumber((await searchParams).page));
  const t = await getTranslations('home');
  return (
    <section>
      <h1>{t('greeting', { username: user.username })}</h1>
      <FormText>
        <PostForm />
      </FormText>
      <h2 className="visually-hidden">{t('timeline')}</h2>
      <PostList
        page={page}
        basePath="/"
        empty={page.page === 1 ? t.rich('emptyTimeline', { explore: (chunks) => <Link href="/explore">{chunks}</Link> }) : undefined}
      />
    </section>
  );
}
