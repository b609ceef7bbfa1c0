CREATE TABLE "audit_daily_root" (
	"day" date PRIMARY KEY NOT NULL,
	"root" varchar(64) NOT NULL,
	"count" integer NOT NULL,
	"first_seq" integer NOT NULL,
	"last_seq" integer NOT NULL,
	"sealed_at" timestamp with time zone NOT NULL,
	"note" text
);
--> statement-breakpoint
CREATE TABLE "audit_entry" (
	"seq" bigserial PRIMARY KEY NOT NULL,
	"id" uuid NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"actor_type" varchar(16) NOT NULL,
	"actor_id" text,
	"actor_name" text,
	"action" varchar(96) NOT NULL,
	"subject_type" varchar(48) NOT NULL,
	"subject_id" text,
	"purpose" text,
	"data" jsonb NOT NULL,
	"prev_hash" varchar(64) NOT NULL,
	"hash" varchar(64) NOT NULL,
	CONSTRAINT "audit_entry_id_unique" UNIQUE("id")
);
--> statement-breakpoint
CREATE TABLE "calendar_override" (
	"day" date PRIMARY KEY NOT NULL,
	"is_workday" boolean NOT NULL,
	"note" text NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "events_outbox" (
	"seq" bigserial PRIMARY KEY NOT NULL,
	"id" uuid NOT NULL,
	"type" varchar(96) NOT NULL,
	"payload" jsonb NOT NULL,
	"occurred_at" timestamp with time zone NOT NULL,
	"dispatched_at" timestamp with time zone,
	"attempts" integer DEFAULT 0 NOT NULL,
	"last_error" text,
	CONSTRAINT "events_outbox_id_unique" UNIQUE("id")
);
--> statement-breakpoint
CREATE TABLE "identity_api_key" (
	"id" uuid PRIMARY KEY NOT NULL,
	"staff_id" uuid NOT NULL,
	"name" text NOT NULL,
	"prefix" varchar(16) NOT NULL,
	"key_hash" varchar(64) NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"last_used_at" timestamp with time zone,
	"expires_at" timestamp with time zone,
	"revoked_at" timestamp with time zone,
	CONSTRAINT "identity_api_key_key_hash_unique" UNIQUE("key_hash")
);
--> statement-breakpoint
CREATE TABLE "identity_citizen" (
	"id" uuid PRIMARY KEY NOT NULL,
	"id_number" varchar(18) NOT NULL,
	"name" text NOT NULL,
	"phone" varchar(20),
	"check_overridden" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "identity_citizen_id_number_unique" UNIQUE("id_number")
);
--> statement-breakpoint
CREATE TABLE "identity_enterprise" (
	"id" uuid PRIMARY KEY NOT NULL,
	"uscc" varchar(18) NOT NULL,
	"name" text NOT NULL,
	"legal_representative" text,
	"division_code" varchar(12),
	"check_overridden" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "identity_enterprise_uscc_unique" UNIQUE("uscc")
);
--> statement-breakpoint
CREATE TABLE "identity_role" (
	"code" varchar(48) PRIMARY KEY NOT NULL,
	"name_zh" text NOT NULL,
	"name_en" text NOT NULL,
	"permissions" jsonb NOT NULL,
	"builtin" boolean DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE TABLE "identity_role_assignment" (
	"id" uuid PRIMARY KEY NOT NULL,
	"staff_id" uuid NOT NULL,
	"role_code" varchar(48) NOT NULL,
	"division_code" varchar(12) NOT NULL,
	"department_id" uuid,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "identity_session" (
	"id" uuid PRIMARY KEY NOT NULL,
	"token_hash" varchar(64) NOT NULL,
	"staff_id" uuid NOT NULL,
	"csrf_token" varchar(64) NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"last_seen_at" timestamp with time zone NOT NULL,
	CONSTRAINT "identity_session_token_hash_unique" UNIQUE("token_hash")
);
--> statement-breakpoint
CREATE TABLE "identity_staff" (
	"id" uuid PRIMARY KEY NOT NULL,
	"username" varchar(64) NOT NULL,
	"display_name" text NOT NULL,
	"password_hash" text NOT NULL,
	"department_id" uuid,
	"phone" varchar(20),
	"status" varchar(16) DEFAULT 'active' NOT NULL,
	"failed_logins" integer DEFAULT 0 NOT NULL,
	"locked_until" timestamp with time zone,
	"must_change_password" boolean DEFAULT false NOT NULL,
	"preferences" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "identity_staff_username_unique" UNIQUE("username")
);
--> statement-breakpoint
CREATE TABLE "jobs_job" (
	"id" uuid PRIMARY KEY NOT NULL,
	"kind" varchar(96) NOT NULL,
	"payload" jsonb NOT NULL,
	"run_at" timestamp with time zone NOT NULL,
	"status" varchar(16) DEFAULT 'pending' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"max_attempts" integer DEFAULT 5 NOT NULL,
	"last_error" text,
	"dedupe_key" varchar(200),
	"schedule_id" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"finished_at" timestamp with time zone,
	CONSTRAINT "jobs_job_dedupe_key_unique" UNIQUE("dedupe_key")
);
--> statement-breakpoint
CREATE TABLE "jobs_schedule" (
	"id" uuid PRIMARY KEY NOT NULL,
	"name" varchar(96) NOT NULL,
	"kind" varchar(96) NOT NULL,
	"cron" varchar(120) NOT NULL,
	"timezone" varchar(48) DEFAULT 'Asia/Shanghai' NOT NULL,
	"payload" jsonb NOT NULL,
	"enabled" boolean DEFAULT true NOT NULL,
	"next_run_at" timestamp with time zone NOT NULL,
	"last_run_at" timestamp with time zone,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "jobs_schedule_name_unique" UNIQUE("name")
);
--> statement-breakpoint
CREATE TABLE "org_department" (
	"id" uuid PRIMARY KEY NOT NULL,
	"code" varchar(32) NOT NULL,
	"name" text NOT NULL,
	"name_en" text DEFAULT '' NOT NULL,
	"division_code" varchar(12) NOT NULL,
	"parent_id" uuid,
	"kind" varchar(16) DEFAULT 'bureau' NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"sort" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "org_department_code_unique" UNIQUE("code")
);
--> statement-breakpoint
CREATE TABLE "org_division" (
	"id" uuid PRIMARY KEY NOT NULL,
	"code" varchar(12) NOT NULL,
	"name" text NOT NULL,
	"level" varchar(16) NOT NULL,
	"kind" varchar(8) NOT NULL,
	"parent_code" varchar(12),
	"valid_from" date NOT NULL,
	"valid_to" date,
	"replaced_by" varchar(12),
	"lng" double precision,
	"lat" double precision,
	"sort" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "org_division_code_from" UNIQUE("code","valid_from")
);
--> statement-breakpoint
CREATE TABLE "org_grid" (
	"id" uuid PRIMARY KEY NOT NULL,
	"code" varchar(20) NOT NULL,
	"name" text NOT NULL,
	"village_code" varchar(12) NOT NULL,
	"parent_id" uuid,
	"worker_id" uuid,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "org_grid_code_unique" UNIQUE("code")
);
--> statement-breakpoint
CREATE INDEX "audit_entry_subject" ON "audit_entry" USING btree ("subject_type","subject_id");--> statement-breakpoint
CREATE INDEX "audit_entry_at" ON "audit_entry" USING btree ("at");--> statement-breakpoint
CREATE INDEX "events_outbox_pending" ON "events_outbox" USING btree ("dispatched_at","seq");--> statement-breakpoint
CREATE INDEX "identity_role_assignment_staff" ON "identity_role_assignment" USING btree ("staff_id");--> statement-breakpoint
CREATE INDEX "identity_session_staff" ON "identity_session" USING btree ("staff_id");--> statement-breakpoint
CREATE INDEX "jobs_job_due" ON "jobs_job" USING btree ("status","run_at");--> statement-breakpoint
CREATE INDEX "org_division_parent" ON "org_division" USING btree ("parent_code");--> statement-breakpoint
CREATE INDEX "org_grid_village" ON "org_grid" USING btree ("village_code");