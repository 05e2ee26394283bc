CREATE TABLE `report_approvals` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`municipality_code` text NOT NULL,
	`quarter` text NOT NULL,
	`side` text NOT NULL,
	`content_hash` text NOT NULL,
	`lists_missing` integer DEFAULT false NOT NULL,
	`reason` text,
	`user_id` integer NOT NULL,
	`at` text NOT NULL,
	FOREIGN KEY (`municipality_code`) REFERENCES `municipalities`(`code`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `report_approvals_side_uq` ON `report_approvals` (`municipality_code`,`quarter`,`side`);--> statement-breakpoint
CREATE TABLE `reports` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`municipality_code` text NOT NULL,
	`quarter` text NOT NULL,
	`version` integer NOT NULL,
	`snapshot` text NOT NULL,
	`content_hash` text NOT NULL,
	`reason` text,
	`lists_missing` integer DEFAULT false NOT NULL,
	`published_at` text NOT NULL,
	`published_by` integer,
	FOREIGN KEY (`municipality_code`) REFERENCES `municipalities`(`code`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`published_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `reports_municipality_quarter_version_uq` ON `reports` (`municipality_code`,`quarter`,`version`);