CREATE TABLE `import_batches` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`kind` text NOT NULL,
	`file_name` text,
	`content_hash` text,
	`user_id` integer,
	`actor` text NOT NULL,
	`created_at` text NOT NULL,
	`rows_read` integer NOT NULL,
	`rows_new` integer NOT NULL,
	`rows_changed` integer NOT NULL,
	`rows_unchanged` integer NOT NULL,
	`rolls_back` integer,
	`rolled_back_by` integer,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `import_preview_errors` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`preview_id` text NOT NULL,
	`row_no` integer NOT NULL,
	`column` text NOT NULL,
	`message` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `import_preview_errors_preview_idx` ON `import_preview_errors` (`preview_id`,`row_no`);--> statement-breakpoint
CREATE TABLE `import_preview_rows` (
	`preview_id` text NOT NULL,
	`row_no` integer NOT NULL,
	`indicator_code` text NOT NULL,
	`municipality_code` text NOT NULL,
	`period` text NOT NULL,
	`period_key` integer NOT NULL,
	`target_group` text NOT NULL,
	`breakdown` text NOT NULL,
	`numerator` integer,
	`denominator` integer,
	`value` real,
	`change` text NOT NULL,
	PRIMARY KEY(`preview_id`, `row_no`)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `import_preview_rows_cell_uq` ON `import_preview_rows` (`preview_id`,`indicator_code`,`municipality_code`,`period`,`target_group`,`breakdown`);--> statement-breakpoint
CREATE TABLE `import_previews` (
	`id` text PRIMARY KEY NOT NULL,
	`user_id` integer,
	`file_name` text NOT NULL,
	`content_hash` text NOT NULL,
	`created_at` text NOT NULL,
	`rows_read` integer NOT NULL,
	`rows_new` integer NOT NULL,
	`rows_changed` integer NOT NULL,
	`rows_unchanged` integer NOT NULL,
	`error_count` integer NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `observation_changes` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`batch_id` integer NOT NULL,
	`indicator_code` text NOT NULL,
	`municipality_code` text NOT NULL,
	`period` text NOT NULL,
	`period_key` integer NOT NULL,
	`target_group` text NOT NULL,
	`breakdown` text NOT NULL,
	`existed` integer NOT NULL,
	`old_numerator` integer,
	`old_denominator` integer,
	`old_value` real,
	`old_batch_id` integer,
	`exists` integer NOT NULL,
	`new_numerator` integer,
	`new_denominator` integer,
	`new_value` real,
	FOREIGN KEY (`batch_id`) REFERENCES `import_batches`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `observation_changes_batch_idx` ON `observation_changes` (`batch_id`);--> statement-breakpoint
ALTER TABLE `observations` ADD `batch_id` integer;