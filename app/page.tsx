import { requireUser } from '@/lib/auth/dal';

export default async function HomePage() {
  const user = await requireUser('/');
  return (
    <section>
      <h1>Hi, {user.username}!</h1>
    </section>
  );
}
