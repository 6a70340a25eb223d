-- CreateEnum
CREATE TYPE "CredentialFlag" AS ENUM ('ROOT_ACCOUNT', 'NEVER_USED', 'UNUSED_90_DAYS', 'KEY_OLDER_THAN_90_DAYS', 'NO_MFA_WITH_CONSOLE');

-- AlterEnum
ALTER TYPE "PrincipalKind" ADD VALUE 'ROOT';

-- AlterTable
ALTER TABLE "AccessReviewItem" ADD COLUMN     "credentials" JSONB,
ADD COLUMN     "credentialsAsOf" TIMESTAMPTZ(3),
ADD COLUMN     "flags" "CredentialFlag"[] DEFAULT ARRAY[]::"CredentialFlag"[];
