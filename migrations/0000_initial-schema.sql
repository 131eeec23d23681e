CREATE TABLE `accounts` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`username` text NOT NULL,
	`display_name` text NOT NULL,
	`role` text NOT NULL,
	`password_hash` text NOT NULL,
	`created_at` integer NOT NULL,
	`disabled_at` integer
);
--> statement-breakpoint
CREATE UNIQUE INDEX `accounts_username_unique` ON `accounts` (`username`);--> statement-breakpoint
CREATE TABLE `auth_sessions` (
	`token_hash` text PRIMARY KEY NOT NULL,
	`account_id` integer,
	`candidate_id` integer,
	`csrf_token` text NOT NULL,
	`address` text NOT NULL,
	`created_at` integer NOT NULL,
	`expires_at` integer NOT NULL,
	`revoked_at` integer,
	FOREIGN KEY (`account_id`) REFERENCES `accounts`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `auth_sessions_candidate` ON `auth_sessions` (`candidate_id`);--> statement-breakpoint
CREATE TABLE `answers` (
	`candidate_id` integer NOT NULL,
	`question_id` text NOT NULL,
	`text` text NOT NULL,
	`revision` integer NOT NULL,
	`word_count` integer NOT NULL,
	`saved_at` integer NOT NULL,
	PRIMARY KEY(`candidate_id`, `question_id`),
	FOREIGN KEY (`candidate_id`) REFERENCES `candidates`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `late_saves` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`candidate_id` integer NOT NULL,
	`question_id` text NOT NULL,
	`revision` integer NOT NULL,
	`text` text NOT NULL,
	`received_at` integer NOT NULL,
	FOREIGN KEY (`candidate_id`) REFERENCES `candidates`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `late_saves_candidate` ON `late_saves` (`candidate_id`);--> statement-breakpoint
CREATE TABLE `audit_log` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`at` integer NOT NULL,
	`actor_kind` text NOT NULL,
	`actor_id` integer,
	`session_id` integer,
	`action` text NOT NULL,
	`detail` text NOT NULL,
	`prev_hash` text NOT NULL,
	`hash` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `audit_log_session` ON `audit_log` (`session_id`);--> statement-breakpoint
CREATE TABLE `candidate_identities` (
	`candidate_id` integer PRIMARY KEY NOT NULL,
	`full_name` text NOT NULL,
	FOREIGN KEY (`candidate_id`) REFERENCES `candidates`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `candidates` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`session_id` integer NOT NULL,
	`code` text NOT NULL,
	`workstation` text,
	`notice_acknowledged_at` integer,
	`locked_at` integer,
	`absent_at` integer,
	`submitted_at` integer,
	`submit_kind` text,
	`receipt_digest` text,
	FOREIGN KEY (`session_id`) REFERENCES `exam_sessions`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `candidates_session_code` ON `candidates` (`session_id`,`code`);--> statement-breakpoint
CREATE INDEX `candidates_session` ON `candidates` (`session_id`);--> statement-breakpoint
CREATE TABLE `exam_sessions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`code` text NOT NULL,
	`pack_id` text NOT NULL,
	`pack_digest` text NOT NULL,
	`title` text NOT NULL,
	`room` text DEFAULT '' NOT NULL,
	`state` text DEFAULT 'waiting' NOT NULL,
	`duration_ms` integer NOT NULL,
	`started_at` integer,
	`ended_at` integer,
	`double_marking` integer DEFAULT false NOT NULL,
	`grading_closed_at` integer,
	`seb_config_key` text,
	`created_by` integer,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`created_by`) REFERENCES `accounts`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `exam_sessions_code_unique` ON `exam_sessions` (`code`);--> statement-breakpoint
CREATE TABLE `pauses` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`session_id` integer NOT NULL,
	`candidate_id` integer,
	`started_at` integer NOT NULL,
	`ended_at` integer,
	`reason` text DEFAULT '' NOT NULL,
	`created_by` integer,
	FOREIGN KEY (`session_id`) REFERENCES `exam_sessions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`candidate_id`) REFERENCES `candidates`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `accounts`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `pauses_session` ON `pauses` (`session_id`);--> statement-breakpoint
CREATE TABLE `session_staff` (
	`session_id` integer NOT NULL,
	`account_id` integer NOT NULL,
	`role` text NOT NULL,
	PRIMARY KEY(`session_id`, `account_id`, `role`),
	FOREIGN KEY (`session_id`) REFERENCES `exam_sessions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`account_id`) REFERENCES `accounts`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `time_extensions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`session_id` integer NOT NULL,
	`candidate_id` integer NOT NULL,
	`duration_ms` integer NOT NULL,
	`kind` text NOT NULL,
	`reason` text NOT NULL,
	`created_by` integer,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`session_id`) REFERENCES `exam_sessions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`candidate_id`) REFERENCES `candidates`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `accounts`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `time_extensions_candidate` ON `time_extensions` (`candidate_id`);--> statement-breakpoint
CREATE TABLE `answer_marks` (
	`candidate_id` integer NOT NULL,
	`question_id` text NOT NULL,
	`corrector_id` integer NOT NULL,
	`key_points` text NOT NULL,
	`interpretation` text,
	`comment` text DEFAULT '' NOT NULL,
	`revision` integer NOT NULL,
	`updated_at` integer NOT NULL,
	PRIMARY KEY(`candidate_id`, `question_id`, `corrector_id`),
	FOREIGN KEY (`candidate_id`) REFERENCES `candidates`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`corrector_id`) REFERENCES `accounts`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `grading_assignments` (
	`candidate_id` integer NOT NULL,
	`corrector_id` integer NOT NULL,
	`reading` integer NOT NULL,
	`assigned_at` integer NOT NULL,
	`finished_at` integer,
	PRIMARY KEY(`candidate_id`, `corrector_id`),
	FOREIGN KEY (`candidate_id`) REFERENCES `candidates`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`corrector_id`) REFERENCES `accounts`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `script_marks` (
	`candidate_id` integer NOT NULL,
	`corrector_id` integer NOT NULL,
	`writing_bands` text NOT NULL,
	`competence` text NOT NULL,
	`comment` text DEFAULT '' NOT NULL,
	`revision` integer NOT NULL,
	`updated_at` integer NOT NULL,
	PRIMARY KEY(`candidate_id`, `corrector_id`),
	FOREIGN KEY (`candidate_id`) REFERENCES `candidates`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`corrector_id`) REFERENCES `accounts`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `incidents` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`session_id` integer NOT NULL,
	`candidate_id` integer,
	`at` integer NOT NULL,
	`text` text NOT NULL,
	`created_by` integer,
	FOREIGN KEY (`session_id`) REFERENCES `exam_sessions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`candidate_id`) REFERENCES `candidates`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `accounts`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `message_acknowledgements` (
	`message_id` integer NOT NULL,
	`candidate_id` integer NOT NULL,
	`acknowledged_at` integer NOT NULL,
	PRIMARY KEY(`message_id`, `candidate_id`),
	FOREIGN KEY (`message_id`) REFERENCES `proctor_messages`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`candidate_id`) REFERENCES `candidates`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `proctor_messages` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`session_id` integer NOT NULL,
	`candidate_id` integer,
	`text` text NOT NULL,
	`sent_by` integer,
	`sent_at` integer NOT NULL,
	FOREIGN KEY (`session_id`) REFERENCES `exam_sessions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`candidate_id`) REFERENCES `candidates`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`sent_by`) REFERENCES `accounts`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `supervision_events` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`session_id` integer NOT NULL,
	`candidate_id` integer,
	`kind` text NOT NULL,
	`detail` text NOT NULL,
	`at` integer NOT NULL,
	FOREIGN KEY (`session_id`) REFERENCES `exam_sessions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`candidate_id`) REFERENCES `candidates`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `supervision_events_session` ON `supervision_events` (`session_id`,`at`);