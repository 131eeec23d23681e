CREATE TABLE `server_runs` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`started_at` integer NOT NULL,
	`last_beat_at` integer NOT NULL,
	`stopped_at` integer
);
