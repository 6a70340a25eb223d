-- Sub-service organisations (issue 11, item 5): how each vendor is scoped, the facts of its SOC 2
-- report items, and the CUECs a carve-out report lists. Rules: lib/vendors/subservice.ts, docs/subservice-organisations.md.

-- CreateEnum
CREATE TYPE "VendorRelationship" AS ENUM ('VENDOR', 'SUBSERVICE');

-- CreateEnum
CREATE TYPE "SubserviceMethod" AS ENUM ('CARVE_OUT', 'INCLUSIVE');

-- CreateEnum
CREATE TYPE "Soc2ReportType" AS ENUM ('TYPE_I', 'TYPE_II');

-- AlterTable
ALTER TABLE "Vendor" ADD COLUMN     "relationship" "VendorRelationship" NOT NULL DEFAULT 'VENDOR',
ADD COLUMN     "subserviceMethod" "SubserviceMethod";

-- AlterTable
ALTER TABLE "VendorPackageItem" ADD COLUMN     "bridgeLetterId" UUID,
ADD COLUMN     "reportType" "Soc2ReportType";

-- CreateTable
CREATE TABLE "Cuec" (
    "id" UUID NOT NULL,
    "vendorId" UUID NOT NULL,
    "text" TEXT NOT NULL,
    "controlId" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Cuec_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Cuec_vendorId_idx" ON "Cuec"("vendorId");

-- CreateIndex
CREATE INDEX "Cuec_controlId_idx" ON "Cuec"("controlId");

-- AddForeignKey
ALTER TABLE "Cuec" ADD CONSTRAINT "Cuec_vendorId_fkey" FOREIGN KEY ("vendorId") REFERENCES "Vendor"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Cuec" ADD CONSTRAINT "Cuec_controlId_fkey" FOREIGN KEY ("controlId") REFERENCES "Control"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "VendorPackageItem" ADD CONSTRAINT "VendorPackageItem_bridgeLetterId_fkey" FOREIGN KEY ("bridgeLetterId") REFERENCES "Evidence"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- A sub-service organisation is scoped by exactly one method; a plain vendor has none.
ALTER TABLE "Vendor" ADD CONSTRAINT "Vendor_subserviceMethod_check"
  CHECK (("relationship" = 'SUBSERVICE') = ("subserviceMethod" IS NOT NULL));

-- Report facts belong to SOC 2 report items only.
ALTER TABLE "VendorPackageItem" ADD CONSTRAINT "VendorPackageItem_soc2_facts_check"
  CHECK ("kind" = 'SOC2_REPORT' OR ("reportType" IS NULL AND "bridgeLetterId" IS NULL));
