-- CreateEnum
CREATE TYPE "InsuranceCategory" AS ENUM ('EMPLOYEE_UNIT', 'EMPLOYEE_INDIVIDUAL', 'RESIDENT');

-- CreateEnum
CREATE TYPE "EmploymentStatus" AS ENUM ('IN_SERVICE', 'RETIRED');

-- CreateEnum
CREATE TYPE "Tier" AS ENUM ('TIER1', 'TIER2');

-- CreateEnum
CREATE TYPE "CardStatus" AS ENUM ('ACTIVE', 'PRE_LOST', 'LOST', 'REPLACED');

-- CreateEnum
CREATE TYPE "AccountKind" AS ENUM ('PERSONAL', 'POOLED_FUND', 'MUTUAL_AID', 'LONG_TERM_CARE', 'CLEARING_COLLECTION', 'CLEARING_INSTITUTION', 'CASH');

-- CreateEnum
CREATE TYPE "EntryKind" AS ENUM ('MONTHLY_CREDIT', 'BACK_CREDIT', 'OUTPATIENT', 'PHARMACY', 'INPATIENT_SELF_PAY', 'LINKED_PAYMENT', 'LTC_DEDUCTION', 'MUTUAL_AID_DEDUCTION', 'COMMERCIAL_INSURANCE', 'FITNESS', 'TRANSFER_IN', 'TRANSFER_OUT', 'REVERSAL', 'CONTRIBUTION', 'FUND_PAYMENT', 'CASH_PAYMENT');

-- CreateEnum
CREATE TYPE "PrincipalType" AS ENUM ('PERSON', 'CLERK', 'STAFF', 'SYSTEM', 'PUBLIC');

-- CreateTable
CREATE TABLE "districts" (
    "code" VARCHAR(6) NOT NULL,
    "name" TEXT NOT NULL,
    "kind" TEXT NOT NULL,

    CONSTRAINT "districts_pkey" PRIMARY KEY ("code")
);

-- CreateTable
CREATE TABLE "agencies" (
    "id" SERIAL NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "address" TEXT NOT NULL,
    "post_code" TEXT,
    "phones" TEXT NOT NULL,
    "district_code" VARCHAR(6),

    CONSTRAINT "agencies_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "units" (
    "id" SERIAL NOT NULL,
    "unit_number" VARCHAR(10) NOT NULL,
    "name" TEXT NOT NULL,
    "credit_code" VARCHAR(18) NOT NULL,
    "district_code" VARCHAR(6) NOT NULL,
    "agency_id" INTEGER NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "units_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "persons" (
    "id" SERIAL NOT NULL,
    "id_number" VARCHAR(18) NOT NULL,
    "personal_number" VARCHAR(10) NOT NULL,
    "name" TEXT NOT NULL,
    "gender" CHAR(1) NOT NULL,
    "birth_date" DATE NOT NULL,
    "phone" VARCHAR(11),
    "district_code" VARCHAR(6) NOT NULL,
    "category" "InsuranceCategory" NOT NULL,
    "tier" "Tier",
    "employment_status" "EmploymentStatus" NOT NULL,
    "unit_id" INTEGER,
    "agency_id" INTEGER NOT NULL,
    "password_hash" TEXT,
    "failed_logins" INTEGER NOT NULL DEFAULT 0,
    "locked_until" TIMESTAMP(3),
    "session_version" INTEGER NOT NULL DEFAULT 0,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "persons_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "enrolments" (
    "id" SERIAL NOT NULL,
    "person_id" INTEGER NOT NULL,
    "category" "InsuranceCategory" NOT NULL,
    "tier" "Tier",
    "unit_id" INTEGER,
    "start_month" DATE NOT NULL,
    "end_month" DATE,
    "end_reason" TEXT,

    CONSTRAINT "enrolments_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "cards" (
    "id" SERIAL NOT NULL,
    "card_number" VARCHAR(9) NOT NULL,
    "person_id" INTEGER NOT NULL,
    "status" "CardStatus" NOT NULL DEFAULT 'ACTIVE',
    "issued_at" DATE NOT NULL,
    "pre_lost_at" TIMESTAMP(3),
    "pre_loss_expires_at" TIMESTAMP(3),
    "lost_at" TIMESTAMP(3),
    "reissue_ready_on" DATE,

    CONSTRAINT "cards_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "staff" (
    "id" SERIAL NOT NULL,
    "staff_number" VARCHAR(16) NOT NULL,
    "name" TEXT NOT NULL,
    "agency_id" INTEGER NOT NULL,
    "password_hash" TEXT NOT NULL,
    "failed_logins" INTEGER NOT NULL DEFAULT 0,
    "locked_until" TIMESTAMP(3),
    "session_version" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "staff_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "unit_clerks" (
    "id" SERIAL NOT NULL,
    "unit_id" INTEGER NOT NULL,
    "username" VARCHAR(32) NOT NULL,
    "name" TEXT NOT NULL,
    "password_hash" TEXT NOT NULL,
    "failed_logins" INTEGER NOT NULL DEFAULT 0,
    "locked_until" TIMESTAMP(3),
    "session_version" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "unit_clerks_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "accounts" (
    "id" SERIAL NOT NULL,
    "code" VARCHAR(40) NOT NULL,
    "kind" "AccountKind" NOT NULL,
    "name" TEXT NOT NULL,
    "person_id" INTEGER,
    "balance_fen" BIGINT NOT NULL DEFAULT 0,
    "updated_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "accounts_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "postings" (
    "id" BIGSERIAL NOT NULL,
    "idempotency_key" VARCHAR(200) NOT NULL,
    "payload_hash" CHAR(64) NOT NULL,
    "description" TEXT NOT NULL,
    "occurred_at" TIMESTAMP(3) NOT NULL,
    "posted_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "meta" JSONB,

    CONSTRAINT "postings_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "entries" (
    "id" BIGSERIAL NOT NULL,
    "posting_id" BIGINT NOT NULL,
    "account_id" INTEGER NOT NULL,
    "kind" "EntryKind" NOT NULL,
    "amount_fen" BIGINT NOT NULL,
    "balance_after_fen" BIGINT NOT NULL,
    "occurred_at" TIMESTAMP(3) NOT NULL,
    "memo" TEXT,
    "counterparty_person_id" INTEGER,

    CONSTRAINT "entries_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "audit_logs" (
    "id" BIGSERIAL NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actor_type" "PrincipalType" NOT NULL,
    "actor_id" TEXT,
    "action" TEXT NOT NULL,
    "subject_person_id" INTEGER,
    "reason" TEXT,
    "details" JSONB,
    "ip" TEXT,

    CONSTRAINT "audit_logs_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "agencies_code_key" ON "agencies"("code");

-- CreateIndex
CREATE UNIQUE INDEX "units_unit_number_key" ON "units"("unit_number");

-- CreateIndex
CREATE UNIQUE INDEX "units_credit_code_key" ON "units"("credit_code");

-- CreateIndex
CREATE UNIQUE INDEX "persons_id_number_key" ON "persons"("id_number");

-- CreateIndex
CREATE UNIQUE INDEX "persons_personal_number_key" ON "persons"("personal_number");

-- CreateIndex
CREATE INDEX "persons_unit_id_idx" ON "persons"("unit_id");

-- CreateIndex
CREATE INDEX "enrolments_person_id_start_month_idx" ON "enrolments"("person_id", "start_month");

-- CreateIndex
CREATE UNIQUE INDEX "cards_card_number_key" ON "cards"("card_number");

-- CreateIndex
CREATE INDEX "cards_person_id_idx" ON "cards"("person_id");

-- CreateIndex
CREATE UNIQUE INDEX "staff_staff_number_key" ON "staff"("staff_number");

-- CreateIndex
CREATE UNIQUE INDEX "unit_clerks_unit_id_username_key" ON "unit_clerks"("unit_id", "username");

-- CreateIndex
CREATE UNIQUE INDEX "accounts_code_key" ON "accounts"("code");

-- CreateIndex
CREATE UNIQUE INDEX "accounts_person_id_key" ON "accounts"("person_id");

-- CreateIndex
CREATE UNIQUE INDEX "postings_idempotency_key_key" ON "postings"("idempotency_key");

-- CreateIndex
CREATE INDEX "entries_account_id_id_idx" ON "entries"("account_id", "id");

-- CreateIndex
CREATE INDEX "entries_account_id_occurred_at_idx" ON "entries"("account_id", "occurred_at");

-- CreateIndex
CREATE INDEX "entries_posting_id_idx" ON "entries"("posting_id");

-- CreateIndex
CREATE INDEX "audit_logs_subject_person_id_at_idx" ON "audit_logs"("subject_person_id", "at");

-- CreateIndex
CREATE INDEX "audit_logs_actor_type_actor_id_at_idx" ON "audit_logs"("actor_type", "actor_id", "at");

-- AddForeignKey
ALTER TABLE "agencies" ADD CONSTRAINT "agencies_district_code_fkey" FOREIGN KEY ("district_code") REFERENCES "districts"("code") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "units" ADD CONSTRAINT "units_district_code_fkey" FOREIGN KEY ("district_code") REFERENCES "districts"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "units" ADD CONSTRAINT "units_agency_id_fkey" FOREIGN KEY ("agency_id") REFERENCES "agencies"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "persons" ADD CONSTRAINT "persons_district_code_fkey" FOREIGN KEY ("district_code") REFERENCES "districts"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "persons" ADD CONSTRAINT "persons_unit_id_fkey" FOREIGN KEY ("unit_id") REFERENCES "units"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "persons" ADD CONSTRAINT "persons_agency_id_fkey" FOREIGN KEY ("agency_id") REFERENCES "agencies"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "enrolments" ADD CONSTRAINT "enrolments_person_id_fkey" FOREIGN KEY ("person_id") REFERENCES "persons"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "enrolments" ADD CONSTRAINT "enrolments_unit_id_fkey" FOREIGN KEY ("unit_id") REFERENCES "units"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "cards" ADD CONSTRAINT "cards_person_id_fkey" FOREIGN KEY ("person_id") REFERENCES "persons"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "staff" ADD CONSTRAINT "staff_agency_id_fkey" FOREIGN KEY ("agency_id") REFERENCES "agencies"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "unit_clerks" ADD CONSTRAINT "unit_clerks_unit_id_fkey" FOREIGN KEY ("unit_id") REFERENCES "units"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "accounts" ADD CONSTRAINT "accounts_person_id_fkey" FOREIGN KEY ("person_id") REFERENCES "persons"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "entries" ADD CONSTRAINT "entries_posting_id_fkey" FOREIGN KEY ("posting_id") REFERENCES "postings"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "entries" ADD CONSTRAINT "entries_account_id_fkey" FOREIGN KEY ("account_id") REFERENCES "accounts"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Rules the database itself enforces (DOMAIN §4), whatever path a write takes.

-- A personal account never goes below zero.
ALTER TABLE "accounts" ADD CONSTRAINT "accounts_personal_balance_non_negative"
  CHECK ("kind" <> 'PERSONAL' OR "balance_fen" >= 0);

-- Entries are non-zero amounts.
ALTER TABLE "entries" ADD CONSTRAINT "entries_amount_non_zero" CHECK ("amount_fen" <> 0);

-- Only one personal account per person; fund accounts have no person.
ALTER TABLE "accounts" ADD CONSTRAINT "accounts_person_iff_personal"
  CHECK (("kind" = 'PERSONAL') = ("person_id" IS NOT NULL));

-- Postings, entries and audit rows are append-only: a mistake is corrected by a reversing posting.
CREATE FUNCTION forbid_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is append-only: % refused', TG_TABLE_NAME, TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;

CREATE TRIGGER postings_append_only BEFORE UPDATE OR DELETE ON "postings"
  FOR EACH ROW EXECUTE FUNCTION forbid_change();
CREATE TRIGGER entries_append_only BEFORE UPDATE OR DELETE ON "entries"
  FOR EACH ROW EXECUTE FUNCTION forbid_change();
CREATE TRIGGER audit_logs_append_only BEFORE UPDATE OR DELETE ON "audit_logs"
  FOR EACH ROW EXECUTE FUNCTION forbid_change();
