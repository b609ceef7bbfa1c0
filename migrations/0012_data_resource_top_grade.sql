ALTER TABLE "data_resource" ADD COLUMN "top_grade" varchar(2) DEFAULT 'L1' NOT NULL;--> statement-breakpoint
CREATE INDEX "data_resource_top_grade" ON "data_resource" USING btree ("top_grade");--> statement-breakpoint
UPDATE "data_resource" SET "top_grade" = COALESCE((SELECT max("grade") FROM "data_item" WHERE "data_item"."resource_id" = "data_resource"."id"), 'L1');
