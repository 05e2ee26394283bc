CREATE TABLE `comparison_settings` (
	`id` integer PRIMARY KEY NOT NULL,
	`variables` text NOT NULL,
	`group_size` integer NOT NULL,
	`updated_at` text NOT NULL,
	`updated_by` integer,
	FOREIGN KEY (`updated_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
