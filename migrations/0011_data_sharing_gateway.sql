CREATE TABLE "data_open_access" (
	"id" uuid PRIMARY KEY NOT NULL,
	"application_id" uuid NOT NULL,
	"developer_id" uuid NOT NULL,
	"resource_id" uuid NOT NULL,
	"items" jsonb NOT NULL,
	"granted_at" timestamp with time zone NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	CONSTRAINT "data_open_access_application_id_unique" UNIQUE("application_id")
);
--> statement-breakpoint
CREATE TABLE "data_open_application" (
	"id" uuid PRIMARY KEY NOT NULL,
	"developer_id" uuid NOT NULL,
	"resource_id" uuid NOT NULL,
	"case_id" uuid NOT NULL,
	"items" jsonb NOT NULL,
	"purpose" text NOT NULL,
	"duration_days" integer NOT NULL,
	"status" varchar(16) NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"decided_at" timestamp with time zone,
	CONSTRAINT "data_open_application_case_id_unique" UNIQUE("case_id")
);
--> statement-breakpoint
CREATE TABLE "data_open_developer" (
	"id" uuid PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"organisation" text NOT NULL,
	"uscc" varchar(18),
	"mobile" varchar(11) NOT NULL,
	"email" text NOT NULL,
	"key_digest" varchar(64) NOT NULL,
	"key_prefix" varchar(12) NOT NULL,
	"status" varchar(16) DEFAULT 'active' NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"key_rotated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "data_open_usage" (
	"day" date NOT NULL,
	"resource_id" uuid NOT NULL,
	"developer_id" uuid NOT NULL,
	"kind" varchar(16) NOT NULL,
	"count" integer DEFAULT 0 NOT NULL,
	"rows" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "data_open_usage_day_resource_id_developer_id_kind_pk" PRIMARY KEY("day","resource_id","developer_id","kind")
);
--> statement-breakpoint
CREATE TABLE "data_access_log" (
	"seq" bigserial PRIMARY KEY NOT NULL,
	"id" uuid NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"consumer_department_id" uuid,
	"grant_id" uuid,
	"resource_id" uuid,
	"items" jsonb NOT NULL,
	"rows_returned" integer NOT NULL,
	"latency_ms" integer NOT NULL,
	"matter_code" varchar(32),
	"accessor" varchar(64),
	"status" integer NOT NULL,
	"code" varchar(64),
	"prev_hash" varchar(64) NOT NULL,
	"hash" varchar(64) NOT NULL
);
--> statement-breakpoint
CREATE TABLE "data_grant_usage" (
	"grant_id" uuid NOT NULL,
	"day" date NOT NULL,
	"calls" integer DEFAULT 0 NOT NULL,
	"rows" bigint DEFAULT 0 NOT NULL,
	"denied" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "data_grant_usage_grant_id_day_pk" PRIMARY KEY("grant_id","day")
);
--> statement-breakpoint
CREATE TABLE "data_share_grant" (
	"id" uuid PRIMARY KEY NOT NULL,
	"request_id" uuid NOT NULL,
	"consumer_department_id" uuid NOT NULL,
	"provider_department_id" uuid NOT NULL,
	"resource_id" uuid NOT NULL,
	"resource_code" varchar(32) NOT NULL,
	"items" jsonb NOT NULL,
	"row_filter" jsonb NOT NULL,
	"quota_per_day" integer NOT NULL,
	"rate_per_minute" integer NOT NULL,
	"matter_code" varchar(32) NOT NULL,
	"purpose" text NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"status" varchar(16) NOT NULL,
	"key_hash" varchar(64),
	"key_hint" varchar(8),
	"key_issued_at" timestamp with time zone,
	"approved_by" uuid,
	"approved_at" timestamp with time zone NOT NULL,
	"revoked_by" uuid,
	"revoked_at" timestamp with time zone,
	"revoke_reason" text
);
--> statement-breakpoint
CREATE TABLE "data_share_request" (
	"id" uuid PRIMARY KEY NOT NULL,
	"number" varchar(32) NOT NULL,
	"kind" varchar(16) NOT NULL,
	"resource_id" uuid NOT NULL,
	"consumer_department_id" uuid NOT NULL,
	"provider_department_id" uuid NOT NULL,
	"items" jsonb NOT NULL,
	"purpose" text NOT NULL,
	"legal_basis" text NOT NULL,
	"matter_code" varchar(32) NOT NULL,
	"duration_days" integer NOT NULL,
	"status" varchar(16) NOT NULL,
	"grant_id" uuid,
	"reject_reason" text,
	"requested_by" uuid,
	"requested_at" timestamp with time zone NOT NULL,
	"decided_by" uuid,
	"decided_at" timestamp with time zone
);
--> statement-breakpoint
CREATE INDEX "data_open_access_developer_resource" ON "data_open_access" USING btree ("developer_id","resource_id");--> statement-breakpoint
CREATE INDEX "data_open_application_developer" ON "data_open_application" USING btree ("developer_id");--> statement-breakpoint
CREATE INDEX "data_open_application_resource" ON "data_open_application" USING btree ("resource_id");--> statement-breakpoint
CREATE UNIQUE INDEX "data_open_developer_key" ON "data_open_developer" USING btree ("key_digest");--> statement-breakpoint
CREATE INDEX "data_open_usage_resource" ON "data_open_usage" USING btree ("resource_id");--> statement-breakpoint
CREATE INDEX "data_access_log_grant" ON "data_access_log" USING btree ("grant_id","at");--> statement-breakpoint
CREATE INDEX "data_access_log_at" ON "data_access_log" USING btree ("at");--> statement-breakpoint
CREATE UNIQUE INDEX "data_share_grant_key" ON "data_share_grant" USING btree ("key_hash");--> statement-breakpoint
CREATE INDEX "data_share_grant_consumer" ON "data_share_grant" USING btree ("consumer_department_id");--> statement-breakpoint
CREATE INDEX "data_share_grant_provider" ON "data_share_grant" USING btree ("provider_department_id");--> statement-breakpoint
CREATE INDEX "data_share_request_consumer" ON "data_share_request" USING btree ("consumer_department_id","requested_at");--> statement-breakpoint
CREATE INDEX "data_share_request_provider" ON "data_share_request" USING btree ("provider_department_id","status");