-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateEnum
CREATE TYPE "Role" AS ENUM ('ADMIN', 'COMPLIANCE_LEAD', 'ENGINEER', 'AUDITOR');

-- CreateEnum
CREATE TYPE "CategoryCode" AS ENUM ('SECURITY', 'AVAILABILITY', 'PROCESSING_INTEGRITY', 'CONFIDENTIALITY', 'PRIVACY');

-- CreateEnum
CREATE TYPE "Frequency" AS ENUM ('PER_EVENT', 'DAILY', 'WEEKLY', 'MONTHLY', 'QUARTERLY', 'SEMI_ANNUAL', 'ANNUAL', 'VALIDITY');

-- CreateEnum
CREATE TYPE "DesignStatus" AS ENUM ('IN_PLACE', 'PARTIAL', 'MISSING', 'NOT_APPLICABLE');

-- CreateEnum
CREATE TYPE "FeatureStatus" AS ENUM ('ACTIVE', 'RETIRED');

-- CreateEnum
CREATE TYPE "DataCategory" AS ENUM ('CUSTOMER_CONFIDENTIAL', 'PERSONAL_DATA', 'SECRETS', 'INTERNAL', 'PUBLIC');

-- CreateEnum
CREATE TYPE "Invoker" AS ENUM ('END_USERS', 'STAFF', 'AUTOMATED_JOBS', 'AGENTS');

-- CreateEnum
CREATE TYPE "Impact" AS ENUM ('LOW', 'MEDIUM', 'HIGH');

-- CreateEnum
CREATE TYPE "EvidenceStatus" AS ENUM ('SUBMITTED', 'ACCEPTED', 'REJECTED', 'WITHDRAWN');

-- CreateEnum
CREATE TYPE "EvidenceSource" AS ENUM ('BROWSER', 'API', 'GENERATED');

-- CreateEnum
CREATE TYPE "PeriodType" AS ENUM ('TYPE_I', 'TYPE_II');

-- CreateEnum
CREATE TYPE "ChangeKind" AS ENUM ('MODEL_UPGRADE', 'PROMPT_CHANGE', 'FINE_TUNE', 'CONFIG');

-- CreateEnum
CREATE TYPE "AccessReviewStatus" AS ENUM ('DRAFT', 'IN_PROGRESS', 'SIGNED_OFF');

-- CreateEnum
CREATE TYPE "AccessDecision" AS ENUM ('KEEP', 'REVOKE', 'MODIFY');

-- CreateEnum
CREATE TYPE "PrincipalKind" AS ENUM ('HUMAN', 'SERVICE');

-- CreateEnum
CREATE TYPE "ResourceKind" AS ENUM ('MODEL_API_KEY', 'PROMPT_LOGS', 'TRAINING_DATA', 'TOOL_SERVER', 'OTHER');

-- CreateEnum
CREATE TYPE "VendorItemKind" AS ENUM ('SOC2_REPORT', 'ISO27001_CERTIFICATE', 'DPA', 'DATA_HANDLING_TERMS', 'INCIDENT_NOTIFICATION', 'SECURITY_CONTACT');

-- CreateTable
CREATE TABLE "User" (
    "id" UUID NOT NULL,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "role" "Role" NOT NULL,
    "passwordHash" TEXT NOT NULL,
    "disabledAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,
    "lastLoginAt" TIMESTAMPTZ(3),

    CONSTRAINT "User_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ApiToken" (
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "prefix" TEXT NOT NULL,
    "role" "Role" NOT NULL,
    "scopes" TEXT[],
    "expiresAt" TIMESTAMPTZ(3),
    "revokedAt" TIMESTAMPTZ(3),
    "lastUsedAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "createdById" UUID,

    CONSTRAINT "ApiToken_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Setting" (
    "key" TEXT NOT NULL,
    "value" JSONB NOT NULL,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Setting_pkey" PRIMARY KEY ("key")
);

-- CreateTable
CREATE TABLE "Category" (
    "code" "CategoryCode" NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "mandatory" BOOLEAN NOT NULL DEFAULT false,
    "sortOrder" INTEGER NOT NULL,

    CONSTRAINT "Category_pkey" PRIMARY KEY ("code")
);

-- CreateTable
CREATE TABLE "Criterion" (
    "id" TEXT NOT NULL,
    "category" "CategoryCode" NOT NULL,
    "title" TEXT NOT NULL,
    "sortOrder" INTEGER NOT NULL,

    CONSTRAINT "Criterion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Control" (
    "id" UUID NOT NULL,
    "code" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "category" "CategoryCode" NOT NULL,
    "expectedEvidence" TEXT NOT NULL,
    "frequency" "Frequency" NOT NULL,
    "designStatus" "DesignStatus" NOT NULL DEFAULT 'MISSING',
    "justification" TEXT,
    "notes" TEXT,
    "owner" TEXT,
    "operatesSince" DATE,
    "custom" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Control_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ControlCriterion" (
    "controlId" UUID NOT NULL,
    "criterionId" TEXT NOT NULL,

    CONSTRAINT "ControlCriterion_pkey" PRIMARY KEY ("controlId","criterionId")
);

-- CreateTable
CREATE TABLE "Vendor" (
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "website" TEXT,
    "securityContact" TEXT,
    "zeroRetention" BOOLEAN,
    "trainingOptOut" BOOLEAN,
    "dataRegion" TEXT,
    "transferSafeguards" TEXT,
    "incidentNotification" TEXT,
    "nextReviewDue" DATE,
    "lastReviewedAt" DATE,
    "notes" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Vendor_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "VendorModel" (
    "id" UUID NOT NULL,
    "vendorId" UUID NOT NULL,
    "name" TEXT NOT NULL,

    CONSTRAINT "VendorModel_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "VendorPackageItem" (
    "id" UUID NOT NULL,
    "vendorId" UUID NOT NULL,
    "kind" "VendorItemKind" NOT NULL,
    "evidenceId" UUID,
    "notes" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "VendorPackageItem_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Feature" (
    "id" UUID NOT NULL,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "owner" TEXT NOT NULL,
    "status" "FeatureStatus" NOT NULL DEFAULT 'ACTIVE',
    "purpose" TEXT NOT NULL,
    "inputData" "DataCategory"[],
    "inputNotes" TEXT,
    "outputs" TEXT NOT NULL,
    "invokers" "Invoker"[],
    "failureImpact" "Impact" NOT NULL,
    "failureNotes" TEXT,
    "automatedDecisions" BOOLEAN NOT NULL DEFAULT false,
    "irreversibleActions" BOOLEAN NOT NULL DEFAULT false,
    "usesTrainingData" BOOLEAN NOT NULL DEFAULT false,
    "exposesToolServers" BOOLEAN NOT NULL DEFAULT false,
    "logsPrompts" BOOLEAN NOT NULL DEFAULT false,
    "userFacing" BOOLEAN NOT NULL DEFAULT false,
    "promptLogRetention" TEXT,
    "retiredAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Feature_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "FeatureVendor" (
    "featureId" UUID NOT NULL,
    "vendorId" UUID NOT NULL,
    "modelId" UUID,
    "fallbackStrategy" TEXT,

    CONSTRAINT "FeatureVendor_pkey" PRIMARY KEY ("featureId","vendorId")
);

-- CreateTable
CREATE TABLE "FeatureControl" (
    "featureId" UUID NOT NULL,
    "controlId" UUID NOT NULL,
    "applies" BOOLEAN NOT NULL,
    "justification" TEXT,
    "confirmedBy" TEXT,
    "confirmedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "FeatureControl_pkey" PRIMARY KEY ("featureId","controlId")
);

-- CreateTable
CREATE TABLE "StoredFile" (
    "sha256" TEXT NOT NULL,
    "size" BIGINT NOT NULL,
    "mediaType" TEXT NOT NULL,
    "storedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "StoredFile_pkey" PRIMARY KEY ("sha256")
);

-- CreateTable
CREATE TABLE "Evidence" (
    "id" UUID NOT NULL,
    "lineageId" UUID NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "supersedesId" UUID,
    "controlId" UUID NOT NULL,
    "title" TEXT NOT NULL,
    "description" TEXT,
    "effectiveDate" DATE NOT NULL,
    "validFrom" DATE,
    "validUntil" DATE,
    "source" "EvidenceSource" NOT NULL,
    "commitSha" TEXT,
    "pullRequest" TEXT,
    "runUrl" TEXT,
    "url" TEXT,
    "fileSha256" TEXT,
    "fileName" TEXT,
    "status" "EvidenceStatus" NOT NULL DEFAULT 'SUBMITTED',
    "reviewReason" TEXT,
    "reviewedById" UUID,
    "reviewedAt" TIMESTAMPTZ(3),
    "withdrawnReason" TEXT,
    "withdrawnAt" TIMESTAMPTZ(3),
    "uploadedById" UUID,
    "uploadedByTokenId" UUID,
    "uploadedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Evidence_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "EvidenceFeature" (
    "evidenceId" UUID NOT NULL,
    "featureId" UUID NOT NULL,

    CONSTRAINT "EvidenceFeature_pkey" PRIMARY KEY ("evidenceId","featureId")
);

-- CreateTable
CREATE TABLE "AuditPeriod" (
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "type" "PeriodType" NOT NULL,
    "start" DATE NOT NULL,
    "end" DATE NOT NULL,
    "categories" "CategoryCode"[],
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "AuditPeriod_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AuditPeriodFeature" (
    "periodId" UUID NOT NULL,
    "featureId" UUID NOT NULL,

    CONSTRAINT "AuditPeriodFeature_pkey" PRIMARY KEY ("periodId","featureId")
);

-- CreateTable
CREATE TABLE "AuditPeriodAuditor" (
    "periodId" UUID NOT NULL,
    "userId" UUID NOT NULL,

    CONSTRAINT "AuditPeriodAuditor_pkey" PRIMARY KEY ("periodId","userId")
);

-- CreateTable
CREATE TABLE "Change" (
    "id" UUID NOT NULL,
    "kind" "ChangeKind" NOT NULL,
    "featureId" UUID,
    "title" TEXT NOT NULL,
    "pullRequest" TEXT,
    "commitSha" TEXT,
    "mergedAt" TIMESTAMPTZ(3) NOT NULL,
    "approvedBy" TEXT,
    "ticket" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Change_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AccessReview" (
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "quarter" TEXT NOT NULL,
    "status" "AccessReviewStatus" NOT NULL DEFAULT 'DRAFT',
    "resources" "ResourceKind"[],
    "startedAt" TIMESTAMPTZ(3),
    "signedOffAt" TIMESTAMPTZ(3),
    "signedOffById" UUID,
    "signOffName" TEXT,
    "signOffStatement" TEXT,
    "evidenceId" UUID,
    "createdById" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AccessReview_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AccessReviewFeature" (
    "reviewId" UUID NOT NULL,
    "featureId" UUID NOT NULL,

    CONSTRAINT "AccessReviewFeature_pkey" PRIMARY KEY ("reviewId","featureId")
);

-- CreateTable
CREATE TABLE "AccessReviewItem" (
    "id" UUID NOT NULL,
    "reviewId" UUID NOT NULL,
    "principal" TEXT NOT NULL,
    "principalKind" "PrincipalKind" NOT NULL,
    "resource" TEXT NOT NULL,
    "resourceKind" "ResourceKind" NOT NULL DEFAULT 'OTHER',
    "accessLevel" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "raw" JSONB,
    "reviewerId" UUID,
    "decision" "AccessDecision",
    "comment" TEXT,
    "selfJustification" TEXT,
    "decidedAt" TIMESTAMPTZ(3),
    "revocationDoneAt" DATE,

    CONSTRAINT "AccessReviewItem_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AuditLogEntry" (
    "seq" BIGSERIAL NOT NULL,
    "at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actorId" UUID,
    "actorEmail" TEXT,
    "actorRole" TEXT,
    "actorKind" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "entityType" TEXT NOT NULL,
    "entityId" TEXT,
    "before" JSONB,
    "after" JSONB,
    "prevHash" TEXT NOT NULL,
    "hash" TEXT NOT NULL,

    CONSTRAINT "AuditLogEntry_pkey" PRIMARY KEY ("seq")
);

-- CreateIndex
CREATE UNIQUE INDEX "User_email_key" ON "User"("email");

-- CreateIndex
CREATE UNIQUE INDEX "ApiToken_tokenHash_key" ON "ApiToken"("tokenHash");

-- CreateIndex
CREATE INDEX "Criterion_category_idx" ON "Criterion"("category");

-- CreateIndex
CREATE UNIQUE INDEX "Control_code_key" ON "Control"("code");

-- CreateIndex
CREATE INDEX "Control_category_designStatus_idx" ON "Control"("category", "designStatus");

-- CreateIndex
CREATE INDEX "ControlCriterion_criterionId_idx" ON "ControlCriterion"("criterionId");

-- CreateIndex
CREATE UNIQUE INDEX "Vendor_name_key" ON "Vendor"("name");

-- CreateIndex
CREATE UNIQUE INDEX "VendorModel_vendorId_name_key" ON "VendorModel"("vendorId", "name");

-- CreateIndex
CREATE INDEX "VendorPackageItem_vendorId_kind_idx" ON "VendorPackageItem"("vendorId", "kind");

-- CreateIndex
CREATE UNIQUE INDEX "Feature_slug_key" ON "Feature"("slug");

-- CreateIndex
CREATE INDEX "Feature_status_name_idx" ON "Feature"("status", "name");

-- CreateIndex
CREATE INDEX "Feature_owner_idx" ON "Feature"("owner");

-- CreateIndex
CREATE INDEX "Feature_failureImpact_idx" ON "Feature"("failureImpact");

-- CreateIndex
CREATE INDEX "FeatureVendor_vendorId_idx" ON "FeatureVendor"("vendorId");

-- CreateIndex
CREATE INDEX "FeatureControl_controlId_idx" ON "FeatureControl"("controlId");

-- CreateIndex
CREATE UNIQUE INDEX "Evidence_supersedesId_key" ON "Evidence"("supersedesId");

-- CreateIndex
CREATE INDEX "Evidence_controlId_status_effectiveDate_idx" ON "Evidence"("controlId", "status", "effectiveDate");

-- CreateIndex
CREATE INDEX "Evidence_status_uploadedAt_idx" ON "Evidence"("status", "uploadedAt");

-- CreateIndex
CREATE INDEX "Evidence_effectiveDate_idx" ON "Evidence"("effectiveDate");

-- CreateIndex
CREATE INDEX "Evidence_lineageId_idx" ON "Evidence"("lineageId");

-- CreateIndex
CREATE INDEX "Evidence_commitSha_idx" ON "Evidence"("commitSha");

-- CreateIndex
CREATE INDEX "Evidence_pullRequest_idx" ON "Evidence"("pullRequest");

-- CreateIndex
CREATE INDEX "EvidenceFeature_featureId_idx" ON "EvidenceFeature"("featureId");

-- CreateIndex
CREATE INDEX "AuditPeriod_start_end_idx" ON "AuditPeriod"("start", "end");

-- CreateIndex
CREATE INDEX "AuditPeriodAuditor_userId_idx" ON "AuditPeriodAuditor"("userId");

-- CreateIndex
CREATE INDEX "Change_mergedAt_idx" ON "Change"("mergedAt");

-- CreateIndex
CREATE INDEX "Change_commitSha_idx" ON "Change"("commitSha");

-- CreateIndex
CREATE INDEX "Change_pullRequest_idx" ON "Change"("pullRequest");

-- CreateIndex
CREATE UNIQUE INDEX "AccessReview_evidenceId_key" ON "AccessReview"("evidenceId");

-- CreateIndex
CREATE INDEX "AccessReview_quarter_idx" ON "AccessReview"("quarter");

-- CreateIndex
CREATE INDEX "AccessReviewItem_reviewId_idx" ON "AccessReviewItem"("reviewId");

-- CreateIndex
CREATE INDEX "AccessReviewItem_reviewerId_decision_idx" ON "AccessReviewItem"("reviewerId", "decision");

-- CreateIndex
CREATE UNIQUE INDEX "AuditLogEntry_hash_key" ON "AuditLogEntry"("hash");

-- CreateIndex
CREATE INDEX "AuditLogEntry_entityType_entityId_idx" ON "AuditLogEntry"("entityType", "entityId");

-- CreateIndex
CREATE INDEX "AuditLogEntry_actorId_idx" ON "AuditLogEntry"("actorId");

-- CreateIndex
CREATE INDEX "AuditLogEntry_at_idx" ON "AuditLogEntry"("at");

-- AddForeignKey
ALTER TABLE "ApiToken" ADD CONSTRAINT "ApiToken_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Criterion" ADD CONSTRAINT "Criterion_category_fkey" FOREIGN KEY ("category") REFERENCES "Category"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Control" ADD CONSTRAINT "Control_category_fkey" FOREIGN KEY ("category") REFERENCES "Category"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ControlCriterion" ADD CONSTRAINT "ControlCriterion_controlId_fkey" FOREIGN KEY ("controlId") REFERENCES "Control"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ControlCriterion" ADD CONSTRAINT "ControlCriterion_criterionId_fkey" FOREIGN KEY ("criterionId") REFERENCES "Criterion"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "VendorModel" ADD CONSTRAINT "VendorModel_vendorId_fkey" FOREIGN KEY ("vendorId") REFERENCES "Vendor"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "VendorPackageItem" ADD CONSTRAINT "VendorPackageItem_vendorId_fkey" FOREIGN KEY ("vendorId") REFERENCES "Vendor"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "VendorPackageItem" ADD CONSTRAINT "VendorPackageItem_evidenceId_fkey" FOREIGN KEY ("evidenceId") REFERENCES "Evidence"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FeatureVendor" ADD CONSTRAINT "FeatureVendor_featureId_fkey" FOREIGN KEY ("featureId") REFERENCES "Feature"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FeatureVendor" ADD CONSTRAINT "FeatureVendor_vendorId_fkey" FOREIGN KEY ("vendorId") REFERENCES "Vendor"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FeatureVendor" ADD CONSTRAINT "FeatureVendor_modelId_fkey" FOREIGN KEY ("modelId") REFERENCES "VendorModel"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FeatureControl" ADD CONSTRAINT "FeatureControl_featureId_fkey" FOREIGN KEY ("featureId") REFERENCES "Feature"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FeatureControl" ADD CONSTRAINT "FeatureControl_controlId_fkey" FOREIGN KEY ("controlId") REFERENCES "Control"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Evidence" ADD CONSTRAINT "Evidence_controlId_fkey" FOREIGN KEY ("controlId") REFERENCES "Control"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Evidence" ADD CONSTRAINT "Evidence_fileSha256_fkey" FOREIGN KEY ("fileSha256") REFERENCES "StoredFile"("sha256") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Evidence" ADD CONSTRAINT "Evidence_uploadedById_fkey" FOREIGN KEY ("uploadedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Evidence" ADD CONSTRAINT "Evidence_reviewedById_fkey" FOREIGN KEY ("reviewedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Evidence" ADD CONSTRAINT "Evidence_supersedesId_fkey" FOREIGN KEY ("supersedesId") REFERENCES "Evidence"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EvidenceFeature" ADD CONSTRAINT "EvidenceFeature_evidenceId_fkey" FOREIGN KEY ("evidenceId") REFERENCES "Evidence"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EvidenceFeature" ADD CONSTRAINT "EvidenceFeature_featureId_fkey" FOREIGN KEY ("featureId") REFERENCES "Feature"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AuditPeriodFeature" ADD CONSTRAINT "AuditPeriodFeature_periodId_fkey" FOREIGN KEY ("periodId") REFERENCES "AuditPeriod"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AuditPeriodFeature" ADD CONSTRAINT "AuditPeriodFeature_featureId_fkey" FOREIGN KEY ("featureId") REFERENCES "Feature"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AuditPeriodAuditor" ADD CONSTRAINT "AuditPeriodAuditor_periodId_fkey" FOREIGN KEY ("periodId") REFERENCES "AuditPeriod"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AuditPeriodAuditor" ADD CONSTRAINT "AuditPeriodAuditor_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Change" ADD CONSTRAINT "Change_featureId_fkey" FOREIGN KEY ("featureId") REFERENCES "Feature"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AccessReview" ADD CONSTRAINT "AccessReview_signedOffById_fkey" FOREIGN KEY ("signedOffById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AccessReview" ADD CONSTRAINT "AccessReview_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AccessReview" ADD CONSTRAINT "AccessReview_evidenceId_fkey" FOREIGN KEY ("evidenceId") REFERENCES "Evidence"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AccessReviewFeature" ADD CONSTRAINT "AccessReviewFeature_reviewId_fkey" FOREIGN KEY ("reviewId") REFERENCES "AccessReview"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AccessReviewFeature" ADD CONSTRAINT "AccessReviewFeature_featureId_fkey" FOREIGN KEY ("featureId") REFERENCES "Feature"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AccessReviewItem" ADD CONSTRAINT "AccessReviewItem_reviewId_fkey" FOREIGN KEY ("reviewId") REFERENCES "AccessReview"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AccessReviewItem" ADD CONSTRAINT "AccessReviewItem_reviewerId_fkey" FOREIGN KEY ("reviewerId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AuditLogEntry" ADD CONSTRAINT "AuditLogEntry_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
