CREATE TABLE `answer_saves` (
	`candidate_id` integer NOT NULL,
	`question_id` text NOT NULL,
	`revision` integer NOT NULL,
	`word_count` integer NOT NULL,
	`saved_at` integer NOT NULL,
	PRIMARY KEY(`candidate_id`, `question_id`, `revision`),
	FOREIGN KEY (`candidate_id`) REFERENCES `candidates`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `form_exposures` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`session_id` integer NOT NULL,
	`session_code` text NOT NULL,
	`pack_id` text NOT NULL,
	`form_id` text NOT NULL,
	`pack_digest` text NOT NULL,
	`room` text NOT NULL,
	`pilot` integer NOT NULL,
	`started_at` integer NOT NULL,
	`ended_at` integer
);
--> statement-breakpoint
CREATE INDEX `form_exposures_form` ON `form_exposures` (`pack_id`,`form_id`);--> statement-breakpoint
CREATE TABLE `retired_forms` (
	`pack_id` text NOT NULL,
	`form_id` text NOT NULL,
	`reason` text NOT NULL,
	`retired_by` integer,
	`retired_at` integer NOT NULL,
	PRIMARY KEY(`pack_id`, `form_id`),
	FOREIGN KEY (`retired_by`) REFERENCES `accounts`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
ALTER TABLE `exam_sessions` ADD `form_id` text;--> statement-breakpoint
ALTER TABLE `exam_sessions` ADD `pilot` integer DEFAULT false NOT NULL;