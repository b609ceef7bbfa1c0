CREATE TABLE "kernel_code" (
	"id" uuid PRIMARY KEY NOT NULL,
	"serial" bigserial NOT NULL,
	"kind" varchar(64) NOT NULL,
	"entity_id" text NOT NULL,
	"key_id" integer NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"created_by" text,
	"revoked_at" timestamp with time zone,
	"revoked_by" text,
	"revoked_reason" text
);
--> statement-breakpoint
CREATE TABLE "kernel_code_key" (
	"id" integer PRIMARY KEY NOT NULL,
	"secret" text,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "places_address" (
	"id" uuid PRIMARY KEY NOT NULL,
	"key" text NOT NULL,
	"parent_id" uuid,
	"level" varchar(20) NOT NULL,
	"name" text NOT NULL,
	"division_code" varchar(12) NOT NULL,
	"grid_code" varchar(20),
	"lng" double precision,
	"lat" double precision,
	"category" text,
	"valid_from" varchar(10) NOT NULL,
	"valid_to" varchar(10),
	"replaced_by" uuid,
	"source" text NOT NULL,
	"quality" jsonb NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "places_alias" (
	"id" uuid PRIMARY KEY NOT NULL,
	"address_id" uuid NOT NULL,
	"kind" varchar(10) NOT NULL,
	"alias" text NOT NULL,
	"source" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "places_area" (
	"code" varchar(20) PRIMARY KEY NOT NULL,
	"level" varchar(10) NOT NULL,
	"name" text NOT NULL,
	"geometry" jsonb NOT NULL,
	"approximate" boolean NOT NULL,
	"west" double precision NOT NULL,
	"south" double precision NOT NULL,
	"east" double precision NOT NULL,
	"north" double precision NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "places_entrance" (
	"id" uuid PRIMARY KEY NOT NULL,
	"address_id" uuid NOT NULL,
	"label" text NOT NULL,
	"lng" double precision NOT NULL,
	"lat" double precision NOT NULL
);
--> statement-breakpoint
CREATE TABLE "places_import" (
	"id" uuid PRIMARY KEY NOT NULL,
	"source_kind" varchar(32) NOT NULL,
	"source_name" text NOT NULL,
	"file_name" text NOT NULL,
	"status" varchar(16) NOT NULL,
	"total" integer DEFAULT 0 NOT NULL,
	"processed" integer DEFAULT 0 NOT NULL,
	"matched" integer DEFAULT 0 NOT NULL,
	"proposed" integer DEFAULT 0 NOT NULL,
	"review" integer DEFAULT 0 NOT NULL,
	"failed" integer DEFAULT 0 NOT NULL,
	"file_id" uuid NOT NULL,
	"address_column" text NOT NULL,
	"error" text,
	"created_by" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"finished_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "places_import_record" (
	"id" uuid PRIMARY KEY NOT NULL,
	"import_id" uuid NOT NULL,
	"row_no" integer NOT NULL,
	"source_record_id" text,
	"raw" text NOT NULL,
	"standard" text NOT NULL,
	"outcome" varchar(16) NOT NULL,
	"address_id" uuid,
	"confidence" real,
	"explanation" jsonb,
	"error" text,
	"case_id" uuid
);
--> statement-breakpoint
CREATE UNIQUE INDEX "kernel_code_serial" ON "kernel_code" USING btree ("serial");--> statement-breakpoint
CREATE UNIQUE INDEX "kernel_code_active" ON "kernel_code" USING btree ("kind","entity_id") WHERE revoked_at is null;--> statement-breakpoint
CREATE UNIQUE INDEX "places_address_key" ON "places_address" USING btree ("key");--> statement-breakpoint
CREATE INDEX "places_address_parent" ON "places_address" USING btree ("parent_id");--> statement-breakpoint
CREATE INDEX "places_address_division" ON "places_address" USING btree ("division_code");--> statement-breakpoint
CREATE INDEX "places_address_level" ON "places_address" USING btree ("level");--> statement-breakpoint
CREATE UNIQUE INDEX "places_alias_unique" ON "places_alias" USING btree ("kind","alias","address_id");--> statement-breakpoint
CREATE INDEX "places_alias_address" ON "places_alias" USING btree ("address_id");--> statement-breakpoint
CREATE INDEX "places_area_level" ON "places_area" USING btree ("level");--> statement-breakpoint
CREATE INDEX "places_entrance_address" ON "places_entrance" USING btree ("address_id");--> statement-breakpoint
CREATE UNIQUE INDEX "places_import_record_row" ON "places_import_record" USING btree ("import_id","row_no");--> statement-breakpoint
CREATE INDEX "places_import_record_standard" ON "places_import_record" USING btree ("standard");--> statement-breakpoint
CREATE INDEX "places_import_record_case" ON "places_import_record" USING btree ("case_id");