CREATE TABLE "services_application" (
	"id" uuid PRIMARY KEY NOT NULL,
	"number" varchar(32),
	"case_id" uuid,
	"bundle_code" varchar(64),
	"matter_codes" jsonb NOT NULL,
	"answers" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"applicant_kind" varchar(16) NOT NULL,
	"applicant_registry_id" uuid NOT NULL,
	"channel" varchar(16) NOT NULL,
	"division_code" varchar(12) NOT NULL,
	"status" varchar(24) NOT NULL,
	"form" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"sources" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"materials" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"commitments" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"fees_fen" integer DEFAULT 0 NOT NULL,
	"shared" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"query_password_hash" varchar(64),
	"created_by" text,
	"on_behalf_by" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"submitted_at" timestamp with time zone,
	"concluded_at" timestamp with time zone,
	CONSTRAINT "services_application_number_unique" UNIQUE("number")
);
--> statement-breakpoint
CREATE TABLE "services_certificate" (
	"id" uuid PRIMARY KEY NOT NULL,
	"number" varchar(40) NOT NULL,
	"type" varchar(64) NOT NULL,
	"name_zh" text NOT NULL,
	"matter_code" varchar(40) NOT NULL,
	"application_id" uuid NOT NULL,
	"case_id" uuid NOT NULL,
	"holder_kind" varchar(16) NOT NULL,
	"holder_registry_id" uuid NOT NULL,
	"items" jsonb NOT NULL,
	"code_token" varchar(40) NOT NULL,
	"issued_by" text NOT NULL,
	"issued_at" timestamp with time zone NOT NULL,
	"status" varchar(16) DEFAULT 'valid' NOT NULL,
	CONSTRAINT "services_certificate_number_unique" UNIQUE("number"),
	CONSTRAINT "services_certificate_case_id_unique" UNIQUE("case_id")
);
--> statement-breakpoint
CREATE TABLE "services_notice" (
	"id" uuid PRIMARY KEY NOT NULL,
	"applicant_kind" varchar(16) NOT NULL,
	"applicant_registry_id" uuid NOT NULL,
	"application_id" uuid,
	"dedupe_key" varchar(120),
	"title_zh" text NOT NULL,
	"title_en" text NOT NULL,
	"deliveries" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"read" boolean DEFAULT false NOT NULL,
	CONSTRAINT "services_notice_dedupe_key_unique" UNIQUE("dedupe_key")
);
--> statement-breakpoint
CREATE TABLE "services_rating" (
	"id" uuid PRIMARY KEY NOT NULL,
	"application_id" uuid NOT NULL,
	"round" integer NOT NULL,
	"department_codes" jsonb NOT NULL,
	"division_code" varchar(12) NOT NULL,
	"scores" jsonb NOT NULL,
	"overall" integer NOT NULL,
	"comment" text,
	"rectification_case_id" uuid,
	"rated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE INDEX "services_application_applicant" ON "services_application" USING btree ("applicant_kind","applicant_registry_id");--> statement-breakpoint
CREATE INDEX "services_application_submitted" ON "services_application" USING btree ("submitted_at");--> statement-breakpoint
CREATE INDEX "services_certificate_holder" ON "services_certificate" USING btree ("holder_kind","holder_registry_id");--> statement-breakpoint
CREATE INDEX "services_notice_applicant" ON "services_notice" USING btree ("applicant_kind","applicant_registry_id");--> statement-breakpoint
CREATE UNIQUE INDEX "services_rating_round" ON "services_rating" USING btree ("application_id","round");