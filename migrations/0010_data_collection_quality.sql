CREATE TABLE "data_subscription" (
	"resource_id" uuid NOT NULL,
	"staff_id" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "data_subscription_resource_id_staff_id_pk" PRIMARY KEY("resource_id","staff_id")
);
--> statement-breakpoint
CREATE TABLE "data_quality_score" (
	"id" uuid PRIMARY KEY NOT NULL,
	"subject_type" varchar(16) NOT NULL,
	"subject_id" uuid NOT NULL,
	"day" date NOT NULL,
	"score" double precision NOT NULL,
	"completeness" double precision NOT NULL,
	"pass_rate" double precision NOT NULL,
	"timeliness" double precision NOT NULL,
	"open_objections" integer NOT NULL,
	"computed_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE INDEX "data_subscription_staff" ON "data_subscription" USING btree ("staff_id");--> statement-breakpoint
CREATE UNIQUE INDEX "data_quality_score_subject_day" ON "data_quality_score" USING btree ("subject_type","subject_id","day");--> statement-breakpoint
CREATE INDEX "data_quality_score_day" ON "data_quality_score" USING btree ("day");