/** Where an outbox message stands; both schemas keep it as text checked by the type system. */
export const outboxStatuses = ['pending', 'sending', 'sent', 'failed', 'dead', 'expired', 'captured'] as const;
export type OutboxStatus = (typeof outboxStatuses)[number];
