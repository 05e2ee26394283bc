CREATE TABLE `figure_aggregates` (
	`indicator_code` text NOT NULL,
	`scope` text NOT NULL,
	`scope_code` text NOT NULL,
	`period` text NOT NULL,
	`period_key` integer NOT NULL,
	`target_group` text NOT NULL,
	`breakdown` text NOT NULL,
	`numerator` integer,
	`denominator` integer,
	`value` real,
	PRIMARY KEY(`indicator_code`, `target_group`, `breakdown`, `scope`, `scope_code`, `period`)
);
--> statement-breakpoint
DROP INDEX `observations_indicator_group_period_idx`;--> statement-breakpoint
DROP INDEX `observations_cell_uq`;--> statement-breakpoint
CREATE INDEX `observations_across_idx` ON `observations` (`indicator_code`,`target_group`,`breakdown`,`period_key`);--> statement-breakpoint
CREATE INDEX `observations_table_idx` ON `observations` (`indicator_code`,`period_key`);--> statement-breakpoint
CREATE UNIQUE INDEX `observations_cell_uq` ON `observations` (`indicator_code`,`municipality_code`,`target_group`,`breakdown`,`period`);--> statement-breakpoint
INSERT INTO `figure_aggregates` SELECT o.`indicator_code`, 'region', m.`region_code`, o.`period`, o.`period_key`, o.`target_group`, o.`breakdown`, sum(o.`numerator`), sum(o.`denominator`), sum(o.`value` * o.`denominator`) / nullif(sum(CASE WHEN o.`value` IS NOT NULL THEN o.`denominator` END), 0) FROM `observations` o JOIN `municipalities` m ON m.`code` = o.`municipality_code` GROUP BY o.`indicator_code`, m.`region_code`, o.`period`, o.`period_key`, o.`target_group`, o.`breakdown`;--> statement-breakpoint
INSERT INTO `figure_aggregates` SELECT `indicator_code`, 'nation', '', `period`, `period_key`, `target_group`, `breakdown`, sum(`numerator`), sum(`denominator`), sum(`value` * `denominator`) / nullif(sum(CASE WHEN `value` IS NOT NULL THEN `denominator` END), 0) FROM `observations` GROUP BY `indicator_code`, `period`, `period_key`, `target_group`, `breakdown`;
