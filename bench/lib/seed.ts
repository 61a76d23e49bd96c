import { createUser } from '@/lib/db/users';
import type { User } from '@/lib/db/schema';
import { hashPassword } from '@/lib/auth/passwords';

/** Accounts for the scenarios; one real hash shared by all, since hashing is not what is measured. */
export async function seedUsers(count: number, prefix = 'bench'): Promise<User[]> {
  const passwordHash = await hashPassword('bench password');
  return Array.from({ length: count }, (_, index) => {
    const result = createUser({ username: `${prefix}${index}`, email: `${prefix}${index}@example.com`, passwordHash });
    if (!result.ok) throw new Error(`could not seed ${prefix}${index}`);
    return result.user;
  });
}
