CREATE TABLE "cases_case" (
	"id" uuid PRIMARY KEY NOT NULL,
	"number" varchar(32) NOT NULL,
	"type_code" varchar(64) NOT NULL,
	"type_version" integer NOT NULL,
	"state" varchar(48) NOT NULL,
	"version" integer NOT NULL,
	"title" text NOT NULL,
	"data" jsonb NOT NULL,
	"division_code" varchar(12) NOT NULL,
	"department_id" uuid,
	"assignee_id" uuid,
	"opened_by" text,
	"opened_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"closed_at" timestamp with time zone,
	CONSTRAINT "cases_case_number_unique" UNIQUE("number")
);
--> statement-breakpoint
CREATE TABLE "cases_counter" (
	"prefix" varchar(8) NOT NULL,
	"day" date NOT NULL,
	"value" integer NOT NULL,
	CONSTRAINT "cases_counter_prefix_day_pk" PRIMARY KEY("prefix","day")
);
--> statement-breakpoint
CREATE TABLE "cases_history" (
	"seq" bigserial PRIMARY KEY NOT NULL,
	"id" uuid NOT NULL,
	"case_id" uuid NOT NULL,
	"transition" varchar(64) NOT NULL,
	"from_state" varchar(48),
	"to_state" varchar(48) NOT NULL,
	"actor_type" varchar(16) NOT NULL,
	"actor_id" text,
	"actor_name" text,
	"at" timestamp with time zone NOT NULL,
	"note" text,
	"data" jsonb NOT NULL,
	CONSTRAINT "cases_history_id_unique" UNIQUE("id")
);
--> statement-breakpoint
CREATE TABLE "cases_type" (
	"code" varchar(64) NOT NULL,
	"version" integer NOT NULL,
	"definition" jsonb NOT NULL,
	"hash" varchar(64) NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "cases_type_code_version_pk" PRIMARY KEY("code","version")
);
--> statement-breakpoint
CREATE INDEX "cases_case_type_state" ON "cases_case" USING btree ("type_code","state");--> statement-breakpoint
CREATE INDEX "cases_case_division" ON "cases_case" USING btree ("division_code");--> statement-breakpoint
CREATE INDEX "cases_case_assignee" ON "cases_case" USING btree ("assignee_id");--> statement-breakpoint
CREATE INDEX "cases_history_case" ON "cases_history" USING btree ("case_id","seq");