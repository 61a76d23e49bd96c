import Database from 'better-sqlite3';
import { DATABASE_FILE } from './server';

/** One value from the running server's database, read-only: what an attack must not have changed. */
export function selectValue<T = number>(sql: string, ...params: unknown[]): T | undefined {
  const db = new Database(DATABASE_FILE, { readonly: true, fileMustExist: true });
  try {
    return db.prepare(sql).pluck().get(...params) as T | undefined;
  } finally {
    db.close();
  }
}
