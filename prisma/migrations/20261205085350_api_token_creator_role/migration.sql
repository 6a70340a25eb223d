-- AlterTable
ALTER TABLE "ApiToken" ADD COLUMN     "creatorRole" "Role";

-- Tokens made before this column: their creator's role now is the best record of it (docs/security/tokens.md).
UPDATE "ApiToken" t SET "creatorRole" = u.role FROM "User" u WHERE t."createdById" = u.id AND t."creatorRole" IS NULL;
