CREATE TABLE "notifications_message" (
	"id" uuid PRIMARY KEY NOT NULL,
	"staff_id" uuid NOT NULL,
	"title_zh" text NOT NULL,
	"title_en" text NOT NULL,
	"body_zh" text,
	"body_en" text,
	"link" text,
	"subject_type" varchar(48),
	"subject_id" text,
	"urgent" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"read_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "governance_category" (
	"code" varchar(96) PRIMARY KEY NOT NULL,
	"parent_code" varchar(96),
	"name_zh" text NOT NULL,
	"name_en" text NOT NULL,
	"platform" varchar(16) NOT NULL,
	"limit_days" integer DEFAULT 5 NOT NULL,
	"public" boolean DEFAULT true NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"sort" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "governance_import" (
	"id" uuid PRIMARY KEY NOT NULL,
	"file_name" text NOT NULL,
	"file_id" uuid NOT NULL,
	"status" varchar(16) NOT NULL,
	"total" integer DEFAULT 0 NOT NULL,
	"processed" integer DEFAULT 0 NOT NULL,
	"created" integer DEFAULT 0 NOT NULL,
	"failed" integer DEFAULT 0 NOT NULL,
	"last_row" integer DEFAULT 0 NOT NULL,
	"errors" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"created_by" text,
	"created_at" timestamp with time zone NOT NULL,
	"finished_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "governance_platform" (
	"code" varchar(16) PRIMARY KEY NOT NULL,
	"name_zh" text NOT NULL,
	"name_en" text NOT NULL,
	"sort" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "governance_report" (
	"case_id" uuid PRIMARY KEY NOT NULL,
	"number" varchar(32) NOT NULL,
	"channel" varchar(16) NOT NULL,
	"reporter_name" text,
	"reporter_phone" varchar(32),
	"tracking_hash" text,
	"open311_token" varchar(64),
	"external_id" varchar(128),
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "governance_report_number_unique" UNIQUE("number"),
	CONSTRAINT "governance_report_open311_token_unique" UNIQUE("open311_token"),
	CONSTRAINT "governance_report_external_id_unique" UNIQUE("external_id")
);
--> statement-breakpoint
CREATE TABLE "governance_task" (
	"id" uuid PRIMARY KEY NOT NULL,
	"title" text NOT NULL,
	"requirements" text NOT NULL,
	"deadline" date NOT NULL,
	"due_at" timestamp with time zone NOT NULL,
	"remind_working_days" integer NOT NULL,
	"remind_at" timestamp with time zone,
	"status" varchar(16) NOT NULL,
	"created_by" uuid,
	"created_by_name" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"closed_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "governance_task_activity" (
	"id" uuid PRIMARY KEY NOT NULL,
	"task_id" uuid NOT NULL,
	"assignment_id" uuid NOT NULL,
	"kind" varchar(16) NOT NULL,
	"progress" integer,
	"note" text,
	"file_ids" jsonb NOT NULL,
	"actor_id" uuid,
	"actor_name" text NOT NULL,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "governance_task_assignment" (
	"id" uuid PRIMARY KEY NOT NULL,
	"task_id" uuid NOT NULL,
	"department_id" uuid NOT NULL,
	"division_code" varchar(12) NOT NULL,
	"state" varchar(16) NOT NULL,
	"progress" integer DEFAULT 0 NOT NULL,
	"accepted_at" timestamp with time zone,
	"accepted_by_name" text,
	"completed_at" timestamp with time zone,
	"completed_by_name" text,
	"grade" varchar(16),
	"evaluation" text,
	"evaluated_at" timestamp with time zone,
	"evaluated_by_name" text,
	"reminded_at" timestamp with time zone,
	"overdue_notified_at" timestamp with time zone,
	"last_urged_at" timestamp with time zone,
	"urge_count" integer DEFAULT 0 NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "governance_task_assignment_department" UNIQUE("task_id","department_id")
);
--> statement-breakpoint
ALTER TABLE "cases_case" ADD COLUMN "parent_id" uuid;--> statement-breakpoint
ALTER TABLE "cases_case" ADD COLUMN "parent_role" varchar(48);--> statement-breakpoint
ALTER TABLE "cases_case" ADD COLUMN "merged_into" uuid;--> statement-breakpoint
ALTER TABLE "cases_case" ADD COLUMN "meta" jsonb DEFAULT '{}'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "cases_case" ADD COLUMN "due_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "cases_case" ADD COLUMN "warn_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "cases_case" ADD COLUMN "late" boolean;--> statement-breakpoint
ALTER TABLE "cases_history" ADD COLUMN "meta" jsonb;--> statement-breakpoint
ALTER TABLE "governance_task_activity" ADD CONSTRAINT "governance_task_activity_task_id_governance_task_id_fk" FOREIGN KEY ("task_id") REFERENCES "public"."governance_task"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "governance_task_activity" ADD CONSTRAINT "governance_task_activity_assignment_id_governance_task_assignment_id_fk" FOREIGN KEY ("assignment_id") REFERENCES "public"."governance_task_assignment"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "governance_task_assignment" ADD CONSTRAINT "governance_task_assignment_task_id_governance_task_id_fk" FOREIGN KEY ("task_id") REFERENCES "public"."governance_task"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "notifications_message_staff" ON "notifications_message" USING btree ("staff_id","created_at");--> statement-breakpoint
CREATE INDEX "governance_category_parent" ON "governance_category" USING btree ("parent_code");--> statement-breakpoint
CREATE INDEX "governance_report_channel" ON "governance_report" USING btree ("channel");--> statement-breakpoint
CREATE INDEX "governance_task_status_due" ON "governance_task" USING btree ("status","due_at");--> statement-breakpoint
CREATE INDEX "governance_task_activity_assignment" ON "governance_task_activity" USING btree ("assignment_id","id");--> statement-breakpoint
CREATE INDEX "governance_task_assignment_department_state" ON "governance_task_assignment" USING btree ("department_id","state");--> statement-breakpoint
CREATE INDEX "cases_case_parent" ON "cases_case" USING btree ("parent_id");--> statement-breakpoint
CREATE INDEX "cases_case_merged_into" ON "cases_case" USING btree ("merged_into");--> statement-breakpoint
CREATE INDEX "cases_case_department" ON "cases_case" USING btree ("department_id","state");