ALTER TABLE "cockpit_report" ADD COLUMN "pdf_en_file_id" uuid;--> statement-breakpoint
ALTER TABLE "cockpit_report" ADD COLUMN "xlsx_en_file_id" uuid;