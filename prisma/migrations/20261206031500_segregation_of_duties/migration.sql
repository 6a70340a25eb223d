-- AlterTable
ALTER TABLE "ApiToken" ADD COLUMN     "userId" UUID;

-- AlterTable
ALTER TABLE "Evidence" ADD COLUMN     "selfReviewed" BOOLEAN NOT NULL DEFAULT false;

-- CreateIndex
CREATE INDEX "ApiToken_userId_idx" ON "ApiToken"("userId");

-- AddForeignKey
ALTER TABLE "ApiToken" ADD CONSTRAINT "ApiToken_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Evidence accepted before this column by the same person who uploaded it was self-reviewed:
-- mark it so, rather than let it read as independently reviewed (Attest-generated records excepted).
UPDATE "Evidence" SET "selfReviewed" = true
WHERE "reviewedById" IS NOT NULL AND "reviewedById" = "uploadedById" AND source <> 'GENERATED';
