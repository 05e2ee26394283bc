-- Previews are transient (a file read and checked, not yet loaded): their staging tables are
-- rebuilt with a small integer key (0009), and a preview open during the upgrade is read again.
DROP TABLE `import_preview_errors`;--> statement-breakpoint
DROP TABLE `import_preview_rows`;--> statement-breakpoint
DROP TABLE `import_previews`;