CREATE TABLE `fallback_keys` (
	`candidate_id` integer PRIMARY KEY NOT NULL,
	`key` text NOT NULL,
	`issued_at` integer NOT NULL,
	FOREIGN KEY (`candidate_id`) REFERENCES `candidates`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `fallback_proctor_codes` (
	`session_id` integer PRIMARY KEY NOT NULL,
	`code` text NOT NULL,
	`salt` text NOT NULL,
	`issued_at` integer NOT NULL,
	FOREIGN KEY (`session_id`) REFERENCES `exam_sessions`(`id`) ON UPDATE no action ON DELETE no action
);
