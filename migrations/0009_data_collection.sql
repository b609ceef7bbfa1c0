CREATE TABLE "data_load" (
	"id" uuid PRIMARY KEY NOT NULL,
	"resource_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"source" varchar(16) NOT NULL,
	"source_label" text NOT NULL,
	"mapping" jsonb NOT NULL,
	"status" varchar(16) NOT NULL,
	"rows_read" integer DEFAULT 0 NOT NULL,
	"rows_total" integer,
	"added" integer DEFAULT 0 NOT NULL,
	"changed" integer DEFAULT 0 NOT NULL,
	"removed" integer DEFAULT 0 NOT NULL,
	"unchanged" integer DEFAULT 0 NOT NULL,
	"pass_rate" double precision,
	"report" jsonb,
	"error_code" varchar(64),
	"created_by" text,
	"started_at" timestamp with time zone NOT NULL,
	"finished_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "data_row" (
	"resource_id" uuid NOT NULL,
	"row_key" text NOT NULL,
	"data" jsonb NOT NULL,
	"hash" varchar(64) NOT NULL,
	"load_version" integer NOT NULL,
	CONSTRAINT "data_row_resource_id_row_key_pk" PRIMARY KEY("resource_id","row_key")
);
--> statement-breakpoint
ALTER TABLE "data_item" ADD COLUMN "rules" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "data_resource" ADD COLUMN "key_items" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "data_resource" ADD COLUMN "status" varchar(16) DEFAULT 'active' NOT NULL;--> statement-breakpoint
ALTER TABLE "data_resource" ADD COLUMN "retired_at" timestamp with time zone;--> statement-breakpoint
CREATE UNIQUE INDEX "data_load_resource_version" ON "data_load" USING btree ("resource_id","version");--> statement-breakpoint
CREATE INDEX "data_row_data" ON "data_row" USING gin ("data" jsonb_path_ops);