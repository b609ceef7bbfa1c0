CREATE TABLE "services_bundle" (
	"code" varchar(64) PRIMARY KEY NOT NULL,
	"version" integer NOT NULL,
	"definition" jsonb NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"updated_by" text
);
--> statement-breakpoint
CREATE TABLE "services_field" (
	"code" varchar(64) PRIMARY KEY NOT NULL,
	"definition" jsonb NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"updated_by" text
);
--> statement-breakpoint
CREATE TABLE "services_matter" (
	"id" uuid PRIMARY KEY NOT NULL,
	"code" varchar(40) NOT NULL,
	"version" integer NOT NULL,
	"name_zh" text NOT NULL,
	"department_code" varchar(32) NOT NULL,
	"definition" jsonb NOT NULL,
	"published_at" timestamp with time zone NOT NULL,
	"published_by" text
);
--> statement-breakpoint
CREATE UNIQUE INDEX "services_matter_version" ON "services_matter" USING btree ("code","version");--> statement-breakpoint
CREATE INDEX "services_matter_department" ON "services_matter" USING btree ("department_code");