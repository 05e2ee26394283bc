CREATE TABLE `milestones` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`target_id` integer NOT NULL,
	`title` text NOT NULL,
	`due_date` text NOT NULL,
	`done` integer DEFAULT false NOT NULL,
	`done_at` text,
	FOREIGN KEY (`target_id`) REFERENCES `targets`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `milestones_target_idx` ON `milestones` (`target_id`);--> statement-breakpoint
CREATE TABLE `quarterly_statuses` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`target_id` integer NOT NULL,
	`quarter` text NOT NULL,
	`version` integer DEFAULT 0 NOT NULL,
	`school_done` text,
	`school_next` text,
	`school_risks` text,
	`school_assessment` text,
	`school_justification` text,
	`school_confirmed_version` integer,
	`school_confirmed_by` integer,
	`social_done` text,
	`social_next` text,
	`social_risks` text,
	`social_assessment` text,
	`social_justification` text,
	`social_confirmed_version` integer,
	`social_confirmed_by` integer,
	`updated_at` text NOT NULL,
	`updated_by` integer,
	FOREIGN KEY (`target_id`) REFERENCES `targets`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`school_confirmed_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`social_confirmed_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`updated_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `quarterly_statuses_target_quarter_uq` ON `quarterly_statuses` (`target_id`,`quarter`);--> statement-breakpoint
CREATE TABLE `status_history` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`status_id` integer NOT NULL,
	`version` integer NOT NULL,
	`snapshot` text NOT NULL,
	`by_user_id` integer,
	`at` text NOT NULL,
	FOREIGN KEY (`status_id`) REFERENCES `quarterly_statuses`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`by_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `status_history_status_idx` ON `status_history` (`status_id`,`version`);--> statement-breakpoint
CREATE TABLE `target_challenges` (
	`target_id` integer NOT NULL,
	`challenge_number` integer NOT NULL,
	PRIMARY KEY(`target_id`, `challenge_number`),
	FOREIGN KEY (`target_id`) REFERENCES `targets`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`challenge_number`) REFERENCES `challenges`(`number`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `targets` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`municipality_code` text,
	`adopted_from_id` integer,
	`title` text NOT NULL,
	`rationale` text NOT NULL,
	`kind` text NOT NULL,
	`indicator_code` text,
	`target_group` text,
	`baseline_period` text,
	`target_value` real,
	`deadline_period` text,
	`school_owner_id` integer,
	`social_owner_id` integer,
	`state` text DEFAULT 'aktiv' NOT NULL,
	`closed_reason` text,
	`closed_at` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`municipality_code`) REFERENCES `municipalities`(`code`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`indicator_code`) REFERENCES `indicators`(`code`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`school_owner_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`social_owner_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `targets_municipality_idx` ON `targets` (`municipality_code`,`state`);