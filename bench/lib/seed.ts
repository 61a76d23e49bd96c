import type { Database } from '@/lib/db/client';
import type { User } from '@/lib/db/schema';
import { hashPassword } from '@/lib/auth/passwords';

/** Accounts for the scenarios; one real hash shared by all, since hashing is not what is measured. */
export async function seedUsers({ db, users }: Database, count: number, prefix = 'bench'): Promise<User[]> {
  const passwordHash = await hashPassword('bench password');
  const rows = Array.from({ length: count }, (_, index) => ({ username: `${prefix}${index}`, email: `${prefix}${index}@example.com`, passwordHash }));
  return db.insert(users).values(rows).returning();
}
