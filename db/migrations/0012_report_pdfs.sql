CREATE TABLE `report_pdfs` (
	`report_id` integer PRIMARY KEY NOT NULL,
	`snapshot_hash` text NOT NULL,
	`newest_version` integer NOT NULL,
	`pdf` blob NOT NULL,
	`created_at` text NOT NULL,
	FOREIGN KEY (`report_id`) REFERENCES `reports`(`id`) ON UPDATE no action ON DELETE no action
);
