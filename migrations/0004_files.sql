CREATE TABLE "files_file" (
	"id" uuid PRIMARY KEY NOT NULL,
	"sha256" varchar(64) NOT NULL,
	"size" integer NOT NULL,
	"mime" varchar(64) NOT NULL,
	"name" text NOT NULL,
	"content" "bytea" NOT NULL,
	"uploaded_by" text,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE INDEX "files_file_sha256" ON "files_file" USING btree ("sha256");