ALTER TABLE "governance_task" ADD COLUMN "source_label" text;--> statement-breakpoint
ALTER TABLE "governance_task" ADD COLUMN "source_path" text;