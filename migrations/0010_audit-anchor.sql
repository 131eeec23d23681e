CREATE TABLE `audit_anchor` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`at` integer NOT NULL,
	`through_id` integer NOT NULL,
	`through_at` integer NOT NULL,
	`through_hash` text NOT NULL,
	`removed` integer NOT NULL
);
