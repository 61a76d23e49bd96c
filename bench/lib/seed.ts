import type { Database } from '@/lib/db/client';
import type { User } from '@/lib/db/schema';
import { hashPassword } from '@/lib/auth/passwords';

/** The password of every account seedUsers makes. */
export const SEEDED_PASSWORD = 'bench password';

/** Accounts for the scenarios; one real hash shared by all, since hashing is not what is measured. */
export async function seedUsers({ db, users }: Database, count: number, prefix = 'bench'): Promise<User[]> {
  const passwordHash = await hashPassword(SEEDED_PASSWORD);
  const rows = Array.from({ length: count }, (_, index) => ({ username: `${prefix}${index}`, email: `${prefix}${index}@example.com`, passwordHash }));
  return db.insert(users).values(rows).returning();
}
