-- DropIndex
DROP INDEX "AccessReviewItem_reviewId_idx";

-- AlterTable
ALTER TABLE "AccessReview" ADD COLUMN     "dueDate" DATE;

-- AlterTable
ALTER TABLE "AccessReviewItem" ADD COLUMN     "decidedById" UUID,
ADD COLUMN     "position" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "principalUserId" UUID,
ADD COLUMN     "revocationDoneById" UUID,
ADD COLUMN     "revocationNote" TEXT;

-- CreateIndex
CREATE INDEX "AccessReviewItem_reviewId_position_idx" ON "AccessReviewItem"("reviewId", "position");

-- AddForeignKey
ALTER TABLE "AccessReviewItem" ADD CONSTRAINT "AccessReviewItem_principalUserId_fkey" FOREIGN KEY ("principalUserId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AccessReviewItem" ADD CONSTRAINT "AccessReviewItem_decidedById_fkey" FOREIGN KEY ("decidedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AccessReviewItem" ADD CONSTRAINT "AccessReviewItem_revocationDoneById_fkey" FOREIGN KEY ("revocationDoneById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
