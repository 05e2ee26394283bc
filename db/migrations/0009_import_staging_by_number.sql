CREATE TABLE `import_preview_errors` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`preview_no` integer NOT NULL,
	`row_no` integer NOT NULL,
	`column` text NOT NULL,
	`message` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `import_preview_errors_preview_idx` ON `import_preview_errors` (`preview_no`,`row_no`);--> statement-breakpoint
CREATE TABLE `import_preview_rows` (
	`preview_no` integer NOT NULL,
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
	PRIMARY KEY(`preview_no`, `row_no`)
);
--> statement-breakpoint
CREATE TABLE `import_previews` (
	`no` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`id` text NOT NULL,
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
CREATE UNIQUE INDEX `import_previews_id_uq` ON `import_previews` (`id`);