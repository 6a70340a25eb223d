-- CreateIndex
CREATE INDEX "Evidence_uploadedAt_id_idx" ON "Evidence"("uploadedAt", "id");
