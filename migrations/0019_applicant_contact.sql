ALTER TABLE "identity_applicant" ADD COLUMN "phone" varchar(20);--> statement-breakpoint
ALTER TABLE "identity_applicant" ADD COLUMN "email" varchar(254);