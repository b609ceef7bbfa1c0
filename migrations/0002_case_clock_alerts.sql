CREATE TABLE "cases_clock_alert" (
	"case_id" uuid NOT NULL,
	"clock" varchar(48) NOT NULL,
	"kind" varchar(16) NOT NULL,
	"run_started_at" timestamp with time zone NOT NULL,
	"at" timestamp with time zone NOT NULL,
	CONSTRAINT "cases_clock_alert_case_id_clock_kind_run_started_at_pk" PRIMARY KEY("case_id","clock","kind","run_started_at")
);
