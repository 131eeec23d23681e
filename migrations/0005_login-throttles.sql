CREATE TABLE `login_throttles` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`key` text NOT NULL,
	`kind` text NOT NULL,
	`subject` text NOT NULL,
	`session_id` integer,
	`failures` integer NOT NULL,
	`first_failure_at` integer NOT NULL,
	`last_failure_at` integer NOT NULL,
	FOREIGN KEY (`session_id`) REFERENCES `exam_sessions`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `login_throttles_key_unique` ON `login_throttles` (`key`);--> statement-breakpoint
CREATE INDEX `login_throttles_session` ON `login_throttles` (`session_id`);--> statement-breakpoint
CREATE INDEX `login_throttles_last_failure` ON `login_throttles` (`last_failure_at`);