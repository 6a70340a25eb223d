-- CreateTable
CREATE TABLE "ManagementResponse" (
    "periodId" UUID NOT NULL,
    "exceptionId" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "updatedBy" TEXT NOT NULL,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "ManagementResponse_pkey" PRIMARY KEY ("periodId","exceptionId")
);

-- CreateTable
CREATE TABLE "PeriodLock" (
    "periodId" UUID NOT NULL,
    "lockedAt" TIMESTAMPTZ(3) NOT NULL,
    "lockedBy" TEXT NOT NULL,
    "snapshot" JSONB NOT NULL,
    "snapshotSha256" TEXT NOT NULL,
    "auditHeadSeq" BIGINT,
    "auditHeadHash" TEXT,

    CONSTRAINT "PeriodLock_pkey" PRIMARY KEY ("periodId")
);

-- AddForeignKey
ALTER TABLE "ManagementResponse" ADD CONSTRAINT "ManagementResponse_periodId_fkey" FOREIGN KEY ("periodId") REFERENCES "AuditPeriod"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PeriodLock" ADD CONSTRAINT "PeriodLock_periodId_fkey" FOREIGN KEY ("periodId") REFERENCES "AuditPeriod"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
