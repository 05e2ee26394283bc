CREATE TABLE `app_meta` (
	`key` text PRIMARY KEY NOT NULL,
	`value` text NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now')) NOT NULL
);
--> statement-breakpoint
CREATE TABLE `challenges` (
	`number` integer PRIMARY KEY NOT NULL,
	`short_title` text NOT NULL,
	`title` text NOT NULL,
	`description` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `indicator_challenges` (
	`indicator_code` text NOT NULL,
	`challenge_number` integer NOT NULL,
	PRIMARY KEY(`indicator_code`, `challenge_number`),
	FOREIGN KEY (`indicator_code`) REFERENCES `indicators`(`code`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`challenge_number`) REFERENCES `challenges`(`number`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `indicators` (
	`code` text PRIMARY KEY NOT NULL,
	`name_da` text NOT NULL,
	`name_en` text NOT NULL,
	`unit` text NOT NULL,
	`polarity` text NOT NULL,
	`department` text NOT NULL,
	`cadence` text NOT NULL,
	`source` text NOT NULL,
	`definition` text NOT NULL,
	`target_groups` text NOT NULL,
	`breakdowns` text NOT NULL,
	`sort_order` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `municipalities` (
	`code` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`region_code` text NOT NULL,
	`lat` real NOT NULL,
	`lon` real NOT NULL,
	`population_approx` integer NOT NULL,
	FOREIGN KEY (`region_code`) REFERENCES `regions`(`code`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `municipalities_region_idx` ON `municipalities` (`region_code`);--> statement-breakpoint
CREATE TABLE `observations` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`indicator_code` text NOT NULL,
	`municipality_code` text NOT NULL,
	`period` text NOT NULL,
	`period_key` integer NOT NULL,
	`target_group` text NOT NULL,
	`breakdown` text DEFAULT '' NOT NULL,
	`numerator` integer,
	`denominator` integer,
	`value` real,
	FOREIGN KEY (`indicator_code`) REFERENCES `indicators`(`code`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`municipality_code`) REFERENCES `municipalities`(`code`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `observations_cell_uq` ON `observations` (`indicator_code`,`municipality_code`,`period`,`target_group`,`breakdown`);--> statement-breakpoint
CREATE INDEX `observations_indicator_group_period_idx` ON `observations` (`indicator_code`,`target_group`,`period_key`);--> statement-breakpoint
CREATE TABLE `regions` (
	`code` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL
);
