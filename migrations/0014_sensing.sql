CREATE TABLE "sensing_alarm" (
	"id" uuid PRIMARY KEY NOT NULL,
	"originator_type" varchar(16) NOT NULL,
	"originator_id" uuid NOT NULL,
	"station_id" uuid NOT NULL,
	"township_code" varchar(12) NOT NULL,
	"department_id" uuid NOT NULL,
	"rule_id" uuid,
	"type" varchar(64) NOT NULL,
	"severity" varchar(16) NOT NULL,
	"status" varchar(16) NOT NULL,
	"acknowledged" boolean DEFAULT false NOT NULL,
	"start_ts" timestamp with time zone NOT NULL,
	"end_ts" timestamp with time zone NOT NULL,
	"ack_ts" timestamp with time zone,
	"ack_by" text,
	"clear_ts" timestamp with time zone,
	"cleared_by" text,
	"details" jsonb NOT NULL,
	"trigger_count" integer DEFAULT 1 NOT NULL,
	"case_id" uuid,
	"case_number" varchar(32),
	"escalated_at" timestamp with time zone,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sensing_bulletin" (
	"id" uuid PRIMARY KEY NOT NULL,
	"issued_at" timestamp with time zone NOT NULL,
	"highest_level" smallint NOT NULL,
	"levels" jsonb NOT NULL,
	"text_zh" text NOT NULL,
	"text_en" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sensing_device" (
	"id" uuid PRIMARY KEY NOT NULL,
	"code" varchar(64) NOT NULL,
	"name" text NOT NULL,
	"station_id" uuid NOT NULL,
	"protocol" varchar(16) NOT NULL,
	"protocol_address" varchar(32),
	"token" varchar(64) NOT NULL,
	"gateway_id" uuid,
	"metrics" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"last_seen_at" timestamp with time zone,
	"rejected_count" bigint DEFAULT 0 NOT NULL,
	"last_reject_reason" text,
	"last_reject_at" timestamp with time zone,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sensing_metric" (
	"code" varchar(64) PRIMARY KEY NOT NULL,
	"name_zh" text NOT NULL,
	"name_en" text NOT NULL,
	"unit" varchar(16) NOT NULL,
	"retention_days" integer DEFAULT 400 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sensing_reading" (
	"series_id" integer NOT NULL,
	"ts" timestamp with time zone NOT NULL,
	"value" double precision NOT NULL,
	CONSTRAINT "sensing_reading_pk" PRIMARY KEY("series_id","ts")
) PARTITION BY RANGE ("ts");
--> statement-breakpoint
-- Hand-written: drizzle-kit cannot express partitioning. Monthly partitions are created ahead by the
-- sensing module (install and a daily job); anything outside them lands in the default partition.
CREATE TABLE "sensing_reading_default" PARTITION OF "sensing_reading" DEFAULT;
--> statement-breakpoint
CREATE TABLE "sensing_rollup_1h" (
	"series_id" integer NOT NULL,
	"bucket" timestamp with time zone NOT NULL,
	"count" integer NOT NULL,
	"sum" double precision NOT NULL,
	"min" double precision NOT NULL,
	"max" double precision NOT NULL,
	"last_ts" timestamp with time zone NOT NULL,
	"last" double precision NOT NULL,
	CONSTRAINT "sensing_rollup_1h_pk" PRIMARY KEY("series_id","bucket")
);
--> statement-breakpoint
CREATE TABLE "sensing_rollup_1m" (
	"series_id" integer NOT NULL,
	"bucket" timestamp with time zone NOT NULL,
	"count" integer NOT NULL,
	"sum" double precision NOT NULL,
	"min" double precision NOT NULL,
	"max" double precision NOT NULL,
	"last_ts" timestamp with time zone NOT NULL,
	"last" double precision NOT NULL,
	CONSTRAINT "sensing_rollup_1m_pk" PRIMARY KEY("series_id","bucket")
);
--> statement-breakpoint
CREATE TABLE "sensing_rule" (
	"id" uuid PRIMARY KEY NOT NULL,
	"code" varchar(96) NOT NULL,
	"station_id" uuid NOT NULL,
	"name_zh" text NOT NULL,
	"name_en" text NOT NULL,
	"alarm_type" varchar(64) NOT NULL,
	"severity" varchar(16) NOT NULL,
	"params" jsonb NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sensing_series" (
	"id" serial PRIMARY KEY NOT NULL,
	"device_id" uuid NOT NULL,
	"metric" varchar(64) NOT NULL,
	"last_ts" timestamp with time zone,
	"last_value" double precision
);
--> statement-breakpoint
CREATE TABLE "sensing_station" (
	"id" uuid PRIMARY KEY NOT NULL,
	"code" varchar(64) NOT NULL,
	"name_zh" text NOT NULL,
	"name_en" text NOT NULL,
	"kind" varchar(32) NOT NULL,
	"lng" double precision NOT NULL,
	"lat" double precision NOT NULL,
	"division_code" varchar(12) NOT NULL,
	"township_code" varchar(12) NOT NULL,
	"department_id" uuid NOT NULL,
	"attributes" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sensing_warning" (
	"township_code" varchar(12) PRIMARY KEY NOT NULL,
	"level" smallint NOT NULL,
	"factors" jsonb NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX "sensing_alarm_one_active" ON "sensing_alarm" USING btree ("originator_id","type") WHERE status = 'active';--> statement-breakpoint
CREATE INDEX "sensing_alarm_station" ON "sensing_alarm" USING btree ("station_id","start_ts");--> statement-breakpoint
CREATE INDEX "sensing_alarm_township" ON "sensing_alarm" USING btree ("township_code","start_ts");--> statement-breakpoint
CREATE INDEX "sensing_alarm_status" ON "sensing_alarm" USING btree ("status","start_ts");--> statement-breakpoint
CREATE INDEX "sensing_bulletin_issued" ON "sensing_bulletin" USING btree ("issued_at");--> statement-breakpoint
CREATE UNIQUE INDEX "sensing_device_code" ON "sensing_device" USING btree ("code");--> statement-breakpoint
CREATE UNIQUE INDEX "sensing_device_token" ON "sensing_device" USING btree ("token");--> statement-breakpoint
CREATE UNIQUE INDEX "sensing_device_address" ON "sensing_device" USING btree ("protocol","protocol_address") WHERE protocol_address is not null;--> statement-breakpoint
CREATE INDEX "sensing_device_station" ON "sensing_device" USING btree ("station_id");--> statement-breakpoint
CREATE UNIQUE INDEX "sensing_rule_code" ON "sensing_rule" USING btree ("code");--> statement-breakpoint
CREATE INDEX "sensing_rule_station" ON "sensing_rule" USING btree ("station_id");--> statement-breakpoint
CREATE UNIQUE INDEX "sensing_series_device_metric" ON "sensing_series" USING btree ("device_id","metric");--> statement-breakpoint
CREATE UNIQUE INDEX "sensing_station_code" ON "sensing_station" USING btree ("code");--> statement-breakpoint
CREATE INDEX "sensing_station_township" ON "sensing_station" USING btree ("township_code");