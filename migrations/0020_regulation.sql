CREATE TABLE "regulation_inspection" (
	"id" uuid PRIMARY KEY NOT NULL,
	"plan_id" uuid,
	"subject_id" uuid NOT NULL,
	"item_codes" jsonb NOT NULL,
	"department_codes" jsonb NOT NULL,
	"inspector_ids" jsonb NOT NULL,
	"joint" boolean NOT NULL,
	"case_id" uuid,
	"status" varchar(16) NOT NULL,
	"result" varchar(8),
	"checklist" jsonb,
	"findings" text,
	"rectification_due" varchar(10),
	"rectified_at" timestamp with time zone,
	"publish_due" varchar(10),
	"referred" boolean NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"inspected_at" timestamp with time zone,
	"concluded_at" timestamp with time zone,
	"published_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "regulation_inspector" (
	"id" uuid PRIMARY KEY NOT NULL,
	"account_id" uuid,
	"name" text NOT NULL,
	"department_code" varchar(32) NOT NULL,
	"badge_number" varchar(32) NOT NULL,
	"qualifications" jsonb NOT NULL,
	"conflicts" jsonb NOT NULL,
	"active" boolean NOT NULL
);
--> statement-breakpoint
CREATE TABLE "regulation_item" (
	"code" varchar(40) PRIMARY KEY NOT NULL,
	"name_zh" text NOT NULL,
	"name_en" text NOT NULL,
	"department_code" varchar(32) NOT NULL,
	"legal_basis" text NOT NULL,
	"method" text NOT NULL,
	"subject_kinds" jsonb NOT NULL,
	"industry_prefixes" jsonb NOT NULL,
	"checklist" jsonb NOT NULL,
	"ratio_by_class" jsonb NOT NULL,
	"active" boolean NOT NULL
);
--> statement-breakpoint
CREATE TABLE "regulation_plan" (
	"id" uuid PRIMARY KEY NOT NULL,
	"number" varchar(32) NOT NULL,
	"name_zh" text NOT NULL,
	"name_en" text NOT NULL,
	"department_code" varchar(32) NOT NULL,
	"items" jsonb NOT NULL,
	"division_codes" jsonb NOT NULL,
	"min_inspectors" integer NOT NULL,
	"status" varchar(16) NOT NULL,
	"seed" varchar(128),
	"seed_commitment" varchar(64),
	"inputs_digest" varchar(64),
	"input" jsonb,
	"result" jsonb,
	"result_digest" varchar(64),
	"created_at" timestamp with time zone NOT NULL,
	"created_by" text NOT NULL,
	"committed_at" timestamp with time zone,
	"drawn_at" timestamp with time zone,
	"seed_published_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "regulation_rating_current" (
	"subject_id" uuid NOT NULL,
	"rule_set_code" varchar(48) NOT NULL,
	"rule_set_version" integer NOT NULL,
	"credit_class" varchar(1) NOT NULL,
	"score" integer NOT NULL,
	"explanation" jsonb NOT NULL,
	"stats" jsonb NOT NULL,
	"rated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "regulation_rating_current_subject_id_rule_set_code_pk" PRIMARY KEY("subject_id","rule_set_code")
);
--> statement-breakpoint
CREATE TABLE "regulation_rating_history" (
	"id" uuid PRIMARY KEY NOT NULL,
	"subject_id" uuid NOT NULL,
	"rule_set_code" varchar(48) NOT NULL,
	"rule_set_version" integer NOT NULL,
	"credit_class" varchar(1) NOT NULL,
	"previous_class" varchar(1),
	"score" integer NOT NULL,
	"explanation" jsonb NOT NULL,
	"reason" varchar(24) NOT NULL,
	"rated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "regulation_record" (
	"id" uuid PRIMARY KEY NOT NULL,
	"subject_id" uuid NOT NULL,
	"source" varchar(16) NOT NULL,
	"department_code" varchar(32) NOT NULL,
	"date" timestamp with time zone NOT NULL,
	"valid_until" timestamp with time zone,
	"repaired_at" timestamp with time zone,
	"severity" integer NOT NULL,
	"data" jsonb NOT NULL,
	"summary" text NOT NULL,
	"origin" varchar(48) NOT NULL,
	"origin_id" varchar(128) NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "regulation_rule_set" (
	"code" varchar(48) NOT NULL,
	"version" integer NOT NULL,
	"definition" jsonb NOT NULL,
	"applies_to" jsonb NOT NULL,
	"saved_at" timestamp with time zone NOT NULL,
	"saved_by" text NOT NULL,
	CONSTRAINT "regulation_rule_set_code_version_pk" PRIMARY KEY("code","version")
);
--> statement-breakpoint
CREATE TABLE "regulation_shop_review" (
	"id" uuid PRIMARY KEY NOT NULL,
	"subject_id" uuid NOT NULL,
	"stars" integer NOT NULL,
	"comment" text,
	"created_at" timestamp with time zone NOT NULL,
	"client_hash" varchar(64) NOT NULL
);
--> statement-breakpoint
CREATE TABLE "regulation_subject" (
	"id" uuid PRIMARY KEY NOT NULL,
	"uscc" varchar(18) NOT NULL,
	"name" text NOT NULL,
	"kind" varchar(16) NOT NULL,
	"legal_representative" text NOT NULL,
	"address" text NOT NULL,
	"address_id" uuid,
	"division_code" varchar(12) NOT NULL,
	"lng" double precision,
	"lat" double precision,
	"industry_code" varchar(5) NOT NULL,
	"licences" jsonb NOT NULL,
	"status" varchar(16) NOT NULL,
	"department_code" varchar(32) NOT NULL,
	"check_overridden" boolean NOT NULL,
	"version" integer NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "regulation_subject_history" (
	"id" uuid PRIMARY KEY NOT NULL,
	"subject_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"actor_name" text NOT NULL,
	"status" varchar(16) NOT NULL,
	"changes" jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "regulation_warning" (
	"id" uuid PRIMARY KEY NOT NULL,
	"subject_id" uuid NOT NULL,
	"department_code" varchar(32) NOT NULL,
	"kind" varchar(24) NOT NULL,
	"rule_set_code" varchar(48) NOT NULL,
	"from_class" varchar(1),
	"to_class" varchar(1) NOT NULL,
	"message" text NOT NULL,
	"status" varchar(16) NOT NULL,
	"subject_notified" boolean NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"acknowledged_at" timestamp with time zone,
	"acknowledged_by" text
);
--> statement-breakpoint
CREATE INDEX "regulation_inspection_subject" ON "regulation_inspection" USING btree ("subject_id","created_at");--> statement-breakpoint
CREATE INDEX "regulation_inspection_plan" ON "regulation_inspection" USING btree ("plan_id");--> statement-breakpoint
CREATE UNIQUE INDEX "regulation_inspection_case" ON "regulation_inspection" USING btree ("case_id");--> statement-breakpoint
CREATE UNIQUE INDEX "regulation_inspector_badge" ON "regulation_inspector" USING btree ("badge_number");--> statement-breakpoint
CREATE INDEX "regulation_inspector_account" ON "regulation_inspector" USING btree ("account_id");--> statement-breakpoint
CREATE INDEX "regulation_rating_current_class" ON "regulation_rating_current" USING btree ("rule_set_code","credit_class");--> statement-breakpoint
CREATE INDEX "regulation_rating_history_subject" ON "regulation_rating_history" USING btree ("subject_id","rule_set_code","rated_at");--> statement-breakpoint
CREATE INDEX "regulation_record_subject" ON "regulation_record" USING btree ("subject_id","date");--> statement-breakpoint
CREATE UNIQUE INDEX "regulation_record_origin" ON "regulation_record" USING btree ("origin","origin_id");--> statement-breakpoint
CREATE INDEX "regulation_shop_review_subject" ON "regulation_shop_review" USING btree ("subject_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "regulation_subject_uscc" ON "regulation_subject" USING btree ("uscc");--> statement-breakpoint
CREATE INDEX "regulation_subject_division" ON "regulation_subject" USING btree ("division_code");--> statement-breakpoint
CREATE INDEX "regulation_subject_name" ON "regulation_subject" USING btree ("name");--> statement-breakpoint
CREATE UNIQUE INDEX "regulation_subject_history_version" ON "regulation_subject_history" USING btree ("subject_id","version");--> statement-breakpoint
CREATE INDEX "regulation_warning_department" ON "regulation_warning" USING btree ("department_code","status","created_at");