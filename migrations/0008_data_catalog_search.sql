ALTER TABLE "data_resource" ADD COLUMN "search" "tsvector";--> statement-breakpoint
CREATE INDEX "data_resource_search" ON "data_resource" USING gin ("search");