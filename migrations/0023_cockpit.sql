CREATE TABLE "cockpit_fact" (
	"source" varchar(16) NOT NULL,
	"source_id" uuid NOT NULL,
	"opened_month" date,
	"closed_month" date,
	"division" varchar(12),
	"departments" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"flags" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "cockpit_fact_source_source_id_pk" PRIMARY KEY("source","source_id")
);
--> statement-breakpoint
CREATE TABLE "cockpit_indicator" (
	"code" varchar(96) PRIMARY KEY NOT NULL,
	"name_zh" text NOT NULL,
	"name_en" text NOT NULL,
	"unit" varchar(16) NOT NULL,
	"direction" varchar(16) NOT NULL,
	"promise" varchar(16) NOT NULL,
	"target" double precision,
	"warning_line" double precision,
	"baseline" double precision,
	"baseline_date" date,
	"deadline" date,
	"owner_department_code" varchar(40),
	"levels" jsonb NOT NULL,
	"source" varchar(16) NOT NULL,
	"formula" jsonb NOT NULL,
	"formula_text" text NOT NULL,
	"formula_text_en" text NOT NULL,
	"sort" integer DEFAULT 0 NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "cockpit_layout" (
	"role_code" varchar(64) PRIMARY KEY NOT NULL,
	"panels" jsonb NOT NULL,
	"updated_by" text NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "cockpit_report" (
	"id" uuid PRIMARY KEY NOT NULL,
	"week_from" date NOT NULL,
	"week_to" date NOT NULL,
	"trigger" varchar(16) NOT NULL,
	"pdf_file_id" uuid NOT NULL,
	"xlsx_file_id" uuid NOT NULL,
	"generated_by" text NOT NULL,
	"generated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "cockpit_reported" (
	"id" uuid PRIMARY KEY NOT NULL,
	"code" varchar(96) NOT NULL,
	"value" double precision NOT NULL,
	"as_of" date NOT NULL,
	"note" text NOT NULL,
	"evidence_file_ids" jsonb NOT NULL,
	"reported_by" text NOT NULL,
	"department_id" uuid,
	"reported_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "cockpit_snapshot" (
	"code" varchar(96) NOT NULL,
	"day" date NOT NULL,
	"scope" varchar(60) NOT NULL,
	"value" double precision,
	"numerator" double precision,
	"denominator" double precision,
	"computed_at" timestamp with time zone NOT NULL,
	CONSTRAINT "cockpit_snapshot_code_day_scope_pk" PRIMARY KEY("code","day","scope")
);
--> statement-breakpoint
CREATE TABLE "cockpit_tally" (
	"measure" varchar(48) NOT NULL,
	"month" date NOT NULL,
	"scope_type" varchar(12) NOT NULL,
	"scope_code" varchar(40) NOT NULL,
	"value" integer NOT NULL,
	CONSTRAINT "cockpit_tally_measure_month_scope_type_scope_code_pk" PRIMARY KEY("measure","month","scope_type","scope_code")
);
--> statement-breakpoint
CREATE TABLE "cockpit_warning" (
	"id" uuid PRIMARY KEY NOT NULL,
	"code" varchar(96) NOT NULL,
	"scope" varchar(60) NOT NULL,
	"kind" varchar(16) NOT NULL,
	"value" double precision,
	"threshold" double precision,
	"raised_at" timestamp with time zone NOT NULL,
	"resolved_at" timestamp with time zone,
	"task_id" uuid,
	"dispatched_by" text,
	"dispatched_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "files_file" ALTER COLUMN "mime" SET DATA TYPE varchar(128);--> statement-breakpoint
CREATE UNIQUE INDEX "cockpit_report_scheduled" ON "cockpit_report" USING btree ("week_from") WHERE trigger = 'schedule';--> statement-breakpoint
CREATE INDEX "cockpit_reported_code" ON "cockpit_reported" USING btree ("code","as_of");--> statement-breakpoint
CREATE UNIQUE INDEX "cockpit_warning_open" ON "cockpit_warning" USING btree ("code","scope","kind") WHERE resolved_at is null;--> statement-breakpoint
CREATE INDEX "cases_case_type_opened" ON "cases_case" USING btree ("type_code","opened_at");