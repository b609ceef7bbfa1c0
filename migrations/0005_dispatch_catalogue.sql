CREATE TABLE "cases_catalogue" (
	"type_code" varchar(64) NOT NULL,
	"version" integer NOT NULL,
	"rules" jsonb NOT NULL,
	"hash" varchar(64) NOT NULL,
	"created_by" text,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "cases_catalogue_type_code_version_pk" PRIMARY KEY("type_code","version")
);
