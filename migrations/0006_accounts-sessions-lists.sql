ALTER TABLE `accounts` ADD `last_login_at` integer;--> statement-breakpoint
ALTER TABLE `candidate_identities` ADD `last_name` text;--> statement-breakpoint
ALTER TABLE `candidate_identities` ADD `first_name` text;--> statement-breakpoint
ALTER TABLE `candidate_identities` ADD `candidate_number` text;--> statement-breakpoint
ALTER TABLE `exam_sessions` ADD `scheduled_at` integer;