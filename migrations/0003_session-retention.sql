CREATE TABLE `session_retention` (
	`session_id` integer PRIMARY KEY NOT NULL,
	`held_at` integer,
	`hold_reason` text,
	`held_by` integer,
	`monitoring_purged_at` integer,
	`purged_at` integer,
	`names_purged_at` integer,
	`forced` integer DEFAULT false NOT NULL,
	FOREIGN KEY (`session_id`) REFERENCES `exam_sessions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`held_by`) REFERENCES `accounts`(`id`) ON UPDATE no action ON DELETE no action
);
