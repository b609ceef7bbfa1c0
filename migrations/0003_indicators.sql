CREATE TABLE "indicators_indicator" (
	"code" varchar(96) PRIMARY KEY NOT NULL,
	"name_zh" text NOT NULL,
	"name_en" text NOT NULL,
	"unit" varchar(16) NOT NULL,
	"direction" varchar(16) NOT NULL,
	"target" double precision,
	"formula" text NOT NULL,
	"owner" varchar(48) NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "indicators_snapshot" (
	"code" varchar(96) NOT NULL,
	"period_start" date NOT NULL,
	"period" varchar(8) NOT NULL,
	"scope_type" varchar(16) NOT NULL,
	"scope_code" varchar(40) NOT NULL,
	"numerator" double precision NOT NULL,
	"denominator" double precision NOT NULL,
	"value" double precision,
	"computed_at" timestamp with time zone NOT NULL,
	"revisions" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "indicators_snapshot_code_period_start_period_scope_type_scope_code_pk" PRIMARY KEY("code","period_start","period","scope_type","scope_code")
);
