-- CreateEnum
CREATE TYPE "InstitutionType" AS ENUM ('HOSPITAL', 'CLINIC', 'PHARMACY', 'FITNESS');

-- CreateEnum
CREATE TYPE "SettlementKind" AS ENUM ('PHARMACY', 'OUTPATIENT', 'INPATIENT');

-- CreateEnum
CREATE TYPE "PaymentChannel" AS ENUM ('CARD', 'VOUCHER');

-- CreateEnum
CREATE TYPE "LinkageStatus" AS ENUM ('ACTIVE', 'CANCELLED');

-- CreateTable
CREATE TABLE "institutions" (
    "id" SERIAL NOT NULL,
    "code" VARCHAR(20) NOT NULL,
    "name" TEXT NOT NULL,
    "level" TEXT,
    "district_code" VARCHAR(6) NOT NULL,
    "type" "InstitutionType" NOT NULL,
    "api_key_hash" CHAR(64),

    CONSTRAINT "institutions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "linkages" (
    "id" SERIAL NOT NULL,
    "user_person_id" INTEGER NOT NULL,
    "provider_person_id" INTEGER NOT NULL,
    "agency_id" INTEGER NOT NULL,
    "status" "LinkageStatus" NOT NULL DEFAULT 'ACTIVE',
    "approved_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "cancelled_at" TIMESTAMP(3),

    CONSTRAINT "linkages_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "settlements" (
    "id" SERIAL NOT NULL,
    "institution_id" INTEGER NOT NULL,
    "settlement_no" VARCHAR(64) NOT NULL,
    "person_id" INTEGER NOT NULL,
    "service_date" DATE NOT NULL,
    "kind" "SettlementKind" NOT NULL,
    "channel" "PaymentChannel" NOT NULL,
    "total_fen" BIGINT NOT NULL,
    "fund_payable_fen" BIGINT NOT NULL,
    "self_pay_fen" BIGINT NOT NULL,
    "fund_paid_fen" BIGINT NOT NULL,
    "own_account_fen" BIGINT NOT NULL,
    "linked_account_fen" BIGINT NOT NULL,
    "cash_fen" BIGINT NOT NULL,
    "linkage_id" INTEGER,
    "benefit_status" VARCHAR(16) NOT NULL,
    "posting_id" BIGINT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "settlements_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "unit_months" (
    "id" SERIAL NOT NULL,
    "unit_id" INTEGER NOT NULL,
    "month" CHAR(7) NOT NULL,
    "employees" INTEGER NOT NULL,
    "due_fen" BIGINT NOT NULL,
    "paid_fen" BIGINT NOT NULL DEFAULT 0,
    "paid_up_at" TIMESTAMP(3),
    "declared_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "unit_months_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "contribution_lines" (
    "id" BIGSERIAL NOT NULL,
    "unit_month_id" INTEGER NOT NULL,
    "person_id" INTEGER NOT NULL,
    "month" CHAR(7) NOT NULL,
    "base_fen" BIGINT NOT NULL,
    "unit_basic_fen" BIGINT NOT NULL,
    "employee_basic_fen" BIGINT NOT NULL,
    "unit_mutual_aid_fen" BIGINT NOT NULL,
    "employee_mutual_aid_fen" BIGINT NOT NULL,
    "ltc_fund_fen" BIGINT NOT NULL,
    "ltc_account_fen" BIGINT NOT NULL,
    "due_fen" BIGINT NOT NULL,

    CONSTRAINT "contribution_lines_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "unit_payments" (
    "id" SERIAL NOT NULL,
    "unit_id" INTEGER NOT NULL,
    "reference" VARCHAR(64) NOT NULL,
    "received_at" TIMESTAMP(3) NOT NULL,
    "amount_fen" BIGINT NOT NULL,
    "unallocated_fen" BIGINT NOT NULL,
    "posting_id" BIGINT NOT NULL,

    CONSTRAINT "unit_payments_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "payment_allocations" (
    "id" SERIAL NOT NULL,
    "payment_id" INTEGER NOT NULL,
    "unit_month_id" INTEGER NOT NULL,
    "amount_fen" BIGINT NOT NULL,

    CONSTRAINT "payment_allocations_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "institutions_api_key_hash_key" ON "institutions"("api_key_hash");

-- CreateIndex
CREATE UNIQUE INDEX "institutions_code_key" ON "institutions"("code");

-- CreateIndex
CREATE INDEX "linkages_user_person_id_status_idx" ON "linkages"("user_person_id", "status");

-- CreateIndex
CREATE INDEX "linkages_provider_person_id_status_idx" ON "linkages"("provider_person_id", "status");

-- CreateIndex
CREATE UNIQUE INDEX "settlements_posting_id_key" ON "settlements"("posting_id");

-- CreateIndex
CREATE INDEX "settlements_person_id_service_date_idx" ON "settlements"("person_id", "service_date");

-- CreateIndex
CREATE INDEX "settlements_linkage_id_idx" ON "settlements"("linkage_id");

-- CreateIndex
CREATE UNIQUE INDEX "settlements_institution_id_settlement_no_key" ON "settlements"("institution_id", "settlement_no");

-- CreateIndex
CREATE UNIQUE INDEX "unit_months_unit_id_month_key" ON "unit_months"("unit_id", "month");

-- CreateIndex
CREATE INDEX "contribution_lines_person_id_month_idx" ON "contribution_lines"("person_id", "month");

-- CreateIndex
CREATE UNIQUE INDEX "contribution_lines_unit_month_id_person_id_key" ON "contribution_lines"("unit_month_id", "person_id");

-- CreateIndex
CREATE UNIQUE INDEX "unit_payments_reference_key" ON "unit_payments"("reference");

-- CreateIndex
CREATE UNIQUE INDEX "unit_payments_posting_id_key" ON "unit_payments"("posting_id");

-- CreateIndex
CREATE INDEX "unit_payments_unit_id_received_at_idx" ON "unit_payments"("unit_id", "received_at");

-- CreateIndex
CREATE INDEX "payment_allocations_unit_month_id_idx" ON "payment_allocations"("unit_month_id");

-- CreateIndex
CREATE INDEX "payment_allocations_payment_id_idx" ON "payment_allocations"("payment_id");

-- AddForeignKey
ALTER TABLE "institutions" ADD CONSTRAINT "institutions_district_code_fkey" FOREIGN KEY ("district_code") REFERENCES "districts"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "linkages" ADD CONSTRAINT "linkages_user_person_id_fkey" FOREIGN KEY ("user_person_id") REFERENCES "persons"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "linkages" ADD CONSTRAINT "linkages_provider_person_id_fkey" FOREIGN KEY ("provider_person_id") REFERENCES "persons"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "linkages" ADD CONSTRAINT "linkages_agency_id_fkey" FOREIGN KEY ("agency_id") REFERENCES "agencies"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "settlements" ADD CONSTRAINT "settlements_institution_id_fkey" FOREIGN KEY ("institution_id") REFERENCES "institutions"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "settlements" ADD CONSTRAINT "settlements_person_id_fkey" FOREIGN KEY ("person_id") REFERENCES "persons"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "settlements" ADD CONSTRAINT "settlements_linkage_id_fkey" FOREIGN KEY ("linkage_id") REFERENCES "linkages"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "unit_months" ADD CONSTRAINT "unit_months_unit_id_fkey" FOREIGN KEY ("unit_id") REFERENCES "units"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "contribution_lines" ADD CONSTRAINT "contribution_lines_unit_month_id_fkey" FOREIGN KEY ("unit_month_id") REFERENCES "unit_months"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "contribution_lines" ADD CONSTRAINT "contribution_lines_person_id_fkey" FOREIGN KEY ("person_id") REFERENCES "persons"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "unit_payments" ADD CONSTRAINT "unit_payments_unit_id_fkey" FOREIGN KEY ("unit_id") REFERENCES "units"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "payment_allocations" ADD CONSTRAINT "payment_allocations_payment_id_fkey" FOREIGN KEY ("payment_id") REFERENCES "unit_payments"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "payment_allocations" ADD CONSTRAINT "payment_allocations_unit_month_id_fkey" FOREIGN KEY ("unit_month_id") REFERENCES "unit_months"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- One-to-one linkage (DOMAIN §7): a person is in at most one active linkage, in either role.
ALTER TABLE "linkages" ADD CONSTRAINT "linkages_not_self" CHECK ("user_person_id" <> "provider_person_id");
CREATE UNIQUE INDEX "linkages_one_active_as_user" ON "linkages" ("user_person_id") WHERE "status" = 'ACTIVE';
CREATE UNIQUE INDEX "linkages_one_active_as_provider" ON "linkages" ("provider_person_id") WHERE "status" = 'ACTIVE';

-- Amounts that can never be negative.
ALTER TABLE "settlements" ADD CONSTRAINT "settlements_amounts_consistent" CHECK (
  "total_fen" >= 0 AND "fund_payable_fen" >= 0 AND "self_pay_fen" >= 0
  AND "total_fen" = "fund_payable_fen" + "self_pay_fen"
  AND "total_fen" = "fund_paid_fen" + "own_account_fen" + "linked_account_fen" + "cash_fen"
  AND "own_account_fen" >= 0 AND "linked_account_fen" >= 0 AND "cash_fen" >= 0 AND "fund_paid_fen" >= 0
);
ALTER TABLE "unit_months" ADD CONSTRAINT "unit_months_paid_within_due" CHECK ("paid_fen" >= 0 AND "paid_fen" <= "due_fen");
ALTER TABLE "unit_payments" ADD CONSTRAINT "unit_payments_positive" CHECK ("amount_fen" > 0 AND "unallocated_fen" >= 0 AND "unallocated_fen" <= "amount_fen");
ALTER TABLE "payment_allocations" ADD CONSTRAINT "payment_allocations_positive" CHECK ("amount_fen" > 0);
-- CreateTable
CREATE TABLE "credit_runs" (
    "month" CHAR(7) NOT NULL,
    "started_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "completed_at" TIMESTAMP(3),
    "credited" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "credit_runs_pkey" PRIMARY KEY ("month")
);

-- AlterTable
ALTER TABLE "enrolments" ADD COLUMN     "gap_paid" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "persons" ADD COLUMN     "retired_from" CHAR(7);

