CREATE TABLE `throttle` (
	`key` text PRIMARY KEY NOT NULL,
	`hits` integer NOT NULL,
	`window_started_at` integer NOT NULL,
	`last_hit_at` integer NOT NULL
);
