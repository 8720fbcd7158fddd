-- CreateEnum
CREATE TYPE "LinkageRequestStatus" AS ENUM ('PENDING', 'APPROVED', 'REFUSED', 'CANCELLED');

-- CreateEnum
CREATE TYPE "DocumentKind" AS ENUM ('STATEMENT', 'PROOF');

-- AlterTable
ALTER TABLE "linkages" ADD COLUMN     "approved_by_staff_id" INTEGER,
ADD COLUMN     "cancel_reason" TEXT,
ADD COLUMN     "cancelled_by_staff_id" INTEGER;

-- AlterTable
ALTER TABLE "staff" ADD COLUMN     "totp_enabled_at" TIMESTAMP(3),
ADD COLUMN     "totp_secret" TEXT;

-- CreateTable
CREATE TABLE "linkage_members" (
    "person_id" INTEGER NOT NULL,
    "linkage_id" INTEGER NOT NULL,
    "role" VARCHAR(8) NOT NULL,

    CONSTRAINT "linkage_members_pkey" PRIMARY KEY ("person_id")
);

-- CreateTable
CREATE TABLE "linkage_requests" (
    "id" SERIAL NOT NULL,
    "user_person_id" INTEGER NOT NULL,
    "provider_person_id" INTEGER NOT NULL,
    "agency_id" INTEGER NOT NULL,
    "status" "LinkageRequestStatus" NOT NULL DEFAULT 'PENDING',
    "source" VARCHAR(8) NOT NULL,
    "created_by_person_id" INTEGER,
    "created_by_staff_id" INTEGER,
    "decided_by_staff_id" INTEGER,
    "decided_at" TIMESTAMP(3),
    "decision_reason" TEXT,
    "documents" JSONB NOT NULL DEFAULT '{}',
    "linkage_id" INTEGER,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "linkage_requests_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "verification_documents" (
    "id" SERIAL NOT NULL,
    "code" VARCHAR(64) NOT NULL,
    "kind" "DocumentKind" NOT NULL,
    "person_id" INTEGER NOT NULL,
    "facts" JSONB NOT NULL,
    "issued_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expires_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "verification_documents_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "drugs" (
    "id" SERIAL NOT NULL,
    "code" VARCHAR(32) NOT NULL,
    "name" TEXT NOT NULL,
    "dosage_form" TEXT NOT NULL,
    "specification" TEXT,
    "category" TEXT,
    "class" VARCHAR(2) NOT NULL,
    "payment_notes" TEXT,

    CONSTRAINT "drugs_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "treatment_items" (
    "id" SERIAL NOT NULL,
    "code" VARCHAR(32) NOT NULL,
    "name" TEXT NOT NULL,
    "unit" TEXT NOT NULL,
    "category" TEXT,
    "class" VARCHAR(2) NOT NULL,
    "payment_notes" TEXT,

    CONSTRAINT "treatment_items_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "linkage_members_linkage_id_idx" ON "linkage_members"("linkage_id");

-- CreateIndex
CREATE UNIQUE INDEX "linkage_requests_linkage_id_key" ON "linkage_requests"("linkage_id");

-- CreateIndex
CREATE INDEX "linkage_requests_status_created_at_idx" ON "linkage_requests"("status", "created_at");

-- CreateIndex
CREATE INDEX "linkage_requests_user_person_id_idx" ON "linkage_requests"("user_person_id");

-- CreateIndex
CREATE INDEX "linkage_requests_provider_person_id_idx" ON "linkage_requests"("provider_person_id");

-- CreateIndex
CREATE UNIQUE INDEX "verification_documents_code_key" ON "verification_documents"("code");

-- CreateIndex
CREATE INDEX "verification_documents_person_id_idx" ON "verification_documents"("person_id");

-- CreateIndex
CREATE UNIQUE INDEX "drugs_code_key" ON "drugs"("code");

-- CreateIndex
CREATE UNIQUE INDEX "treatment_items_code_key" ON "treatment_items"("code");

-- AddForeignKey
ALTER TABLE "linkage_members" ADD CONSTRAINT "linkage_members_person_id_fkey" FOREIGN KEY ("person_id") REFERENCES "persons"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "linkage_members" ADD CONSTRAINT "linkage_members_linkage_id_fkey" FOREIGN KEY ("linkage_id") REFERENCES "linkages"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "linkage_requests" ADD CONSTRAINT "linkage_requests_user_person_id_fkey" FOREIGN KEY ("user_person_id") REFERENCES "persons"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "linkage_requests" ADD CONSTRAINT "linkage_requests_provider_person_id_fkey" FOREIGN KEY ("provider_person_id") REFERENCES "persons"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "linkage_requests" ADD CONSTRAINT "linkage_requests_agency_id_fkey" FOREIGN KEY ("agency_id") REFERENCES "agencies"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "linkage_requests" ADD CONSTRAINT "linkage_requests_linkage_id_fkey" FOREIGN KEY ("linkage_id") REFERENCES "linkages"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "verification_documents" ADD CONSTRAINT "verification_documents_person_id_fkey" FOREIGN KEY ("person_id") REFERENCES "persons"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- A request links two different persons; at most one pending request per pair at a time.
ALTER TABLE "linkage_requests" ADD CONSTRAINT "linkage_requests_not_self" CHECK ("user_person_id" <> "provider_person_id");
CREATE UNIQUE INDEX "linkage_requests_one_pending_per_pair" ON "linkage_requests" ("user_person_id", "provider_person_id") WHERE "status" = 'PENDING';
ALTER TABLE "linkage_members" ADD CONSTRAINT "linkage_members_role" CHECK ("role" IN ('USER', 'PROVIDER'));

-- Chinese search over the catalogues: trigram indexes work on CJK characters (issue 7).
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE INDEX "drugs_name_trgm" ON "drugs" USING gin ("name" gin_trgm_ops);
CREATE INDEX "drugs_code_trgm" ON "drugs" USING gin ("code" gin_trgm_ops);
CREATE INDEX "treatment_items_name_trgm" ON "treatment_items" USING gin ("name" gin_trgm_ops);
CREATE INDEX "treatment_items_code_trgm" ON "treatment_items" USING gin ("code" gin_trgm_ops);
CREATE INDEX "institutions_name_trgm" ON "institutions" USING gin ("name" gin_trgm_ops);
