CREATE TABLE "data_item" (
	"id" uuid PRIMARY KEY NOT NULL,
	"resource_id" uuid NOT NULL,
	"code" varchar(64) NOT NULL,
	"name" text NOT NULL,
	"name_key" varchar(128) NOT NULL,
	"type" varchar(16) NOT NULL,
	"grade" varchar(2) NOT NULL,
	"personal_kind" varchar(16),
	"authoritative" boolean DEFAULT false NOT NULL,
	"sort" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "data_resource" (
	"id" uuid PRIMARY KEY NOT NULL,
	"code" varchar(32) NOT NULL,
	"classification_code" varchar(9) NOT NULL,
	"sequence" integer NOT NULL,
	"name" text NOT NULL,
	"provider_department_id" uuid NOT NULL,
	"abstract" text NOT NULL,
	"format" varchar(16) NOT NULL,
	"update_cycle" varchar(16) NOT NULL,
	"publish_date" date,
	"sharing_type" varchar(16) NOT NULL,
	"sharing_condition" text,
	"opening_type" varchar(16) NOT NULL,
	"related_codes" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"created_by" text,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "data_resource_code_unique" UNIQUE("code")
);
--> statement-breakpoint
CREATE TABLE "data_system" (
	"id" uuid PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"department_id" uuid NOT NULL,
	"status" varchar(16) NOT NULL,
	"resource_ids" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "data_system_name_unique" UNIQUE("name")
);
--> statement-breakpoint
CREATE UNIQUE INDEX "data_item_resource_code" ON "data_item" USING btree ("resource_id","code");--> statement-breakpoint
CREATE INDEX "data_item_name_key" ON "data_item" USING btree ("name_key");--> statement-breakpoint
CREATE UNIQUE INDEX "data_resource_classification_sequence" ON "data_resource" USING btree ("classification_code","sequence");--> statement-breakpoint
CREATE INDEX "data_resource_provider" ON "data_resource" USING btree ("provider_department_id");--> statement-breakpoint
CREATE INDEX "data_system_department" ON "data_system" USING btree ("department_id");