-- Readiness bound to the right evidence (issue 11 item 6, docs/readiness.md): the dataset manifest
-- of features that use training data (finding 5), and AI-AVL-03 evidence marked as the incident
-- plan or a tabletop exercise with the AI scenarios it covers (finding 6).

-- CreateEnum
CREATE TYPE "IncidentRecordKind" AS ENUM ('PLAN', 'TABLETOP');

-- CreateEnum
CREATE TYPE "AiIncidentScenario" AS ENUM ('CUSTOMER_PII_IN_OUTPUT', 'PROVIDER_OUTAGE');

-- CreateTable
CREATE TABLE "FeatureDataset" (
    "id" UUID NOT NULL,
    "featureId" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "approvedBy" TEXT NOT NULL,
    "approvedOn" DATE NOT NULL,
    "piiRemoved" BOOLEAN NOT NULL,
    "notes" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "FeatureDataset_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "IncidentRecord" (
    "id" UUID NOT NULL,
    "evidenceId" UUID NOT NULL,
    "kind" "IncidentRecordKind" NOT NULL,
    "scenarios" "AiIncidentScenario"[],
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "IncidentRecord_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "FeatureDataset_featureId_name_key" ON "FeatureDataset"("featureId", "name");

-- CreateIndex
CREATE UNIQUE INDEX "IncidentRecord_evidenceId_key" ON "IncidentRecord"("evidenceId");

-- AddForeignKey
ALTER TABLE "FeatureDataset" ADD CONSTRAINT "FeatureDataset_featureId_fkey" FOREIGN KEY ("featureId") REFERENCES "Feature"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IncidentRecord" ADD CONSTRAINT "IncidentRecord_evidenceId_fkey" FOREIGN KEY ("evidenceId") REFERENCES "Evidence"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
