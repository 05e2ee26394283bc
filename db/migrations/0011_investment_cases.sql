CREATE TABLE `investment_case_targets` (
	`case_id` integer NOT NULL,
	`target_id` integer NOT NULL,
	PRIMARY KEY(`case_id`, `target_id`),
	FOREIGN KEY (`case_id`) REFERENCES `investment_cases`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`target_id`) REFERENCES `targets`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `investment_case_targets_target_idx` ON `investment_case_targets` (`target_id`);--> statement-breakpoint
CREATE TABLE `investment_cases` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`municipality_code` text NOT NULL,
	`template` text NOT NULL,
	`title` text NOT NULL,
	`effort` text NOT NULL,
	`target_group` text NOT NULL,
	`model` text NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`municipality_code`) REFERENCES `municipalities`(`code`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `investment_cases_municipality_idx` ON `investment_cases` (`municipality_code`);