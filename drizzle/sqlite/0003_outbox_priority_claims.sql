ALTER TABLE `outbox` ADD `priority` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `outbox` ADD `claimed_by` text;--> statement-breakpoint
CREATE INDEX `throttle_last_hit_at_idx` ON `throttle` (`last_hit_at`);