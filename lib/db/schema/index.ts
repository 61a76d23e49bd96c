// Row types for the rest of the app. The tables themselves come from getDb(), which picks
// the open database's dialect; importing one dialect's tables here would query the other's.
import type { followers, outbox, posts, sessions, users } from './postgres';

export { outboxStatuses, type OutboxStatus } from './outbox-statuses';

export type User = typeof users.$inferSelect;
export type NewUser = typeof users.$inferInsert;
export type Post = typeof posts.$inferSelect;
export type NewPost = typeof posts.$inferInsert;
export type Follow = typeof followers.$inferSelect;
export type OutboxRow = typeof outbox.$inferSelect;
export type NewOutboxRow = typeof outbox.$inferInsert;
export type Session = typeof sessions.$inferSelect;
export type NewSession = typeof sessions.$inferInsert;
