-- CreateEnum
CREATE TYPE "CredentialFlag" AS ENUM ('ROOT_ACCOUNT', 'NEVER_USED', 'UNUSED_90_DAYS', 'KEY_OLDER_THAN_90_DAYS', 'NO_MFA_WITH_CONSOLE');

-- AlterEnum
ALTER TYPE "PrincipalKind" ADD VALUE 'ROOT';

-- AlterTable
ALTER TABLE "AccessReviewItem" ADD COLUMN     "credentials" JSONB,
ADD COLUMN     "credentialsAsOf" TIMESTAMPTZ(3),
ADD COLUMN     "flags" "CredentialFlag"[] DEFAULT ARRAY[]::"CredentialFlag"[];

-- What the source said about an item's principal is evidence of what the reviewer saw: written once
-- with the item, never changed (a draft's item may still be removed and imported again).
-- The function body is an E'' string with \073 for each semicolon (see 20261127184500_audit_log_append_only).
CREATE OR REPLACE FUNCTION attest_access_review_item_facts_immutable() RETURNS trigger LANGUAGE plpgsql AS
  E'BEGIN RAISE EXCEPTION ''AccessReviewItem % : the imported credential facts (raw, credentials, credentialsAsOf, flags) cannot change'', OLD.id USING ERRCODE = ''insufficient_privilege''\073 END\073';

CREATE TRIGGER access_review_item_facts_immutable BEFORE UPDATE OF raw, credentials, "credentialsAsOf", flags ON "AccessReviewItem"
  FOR EACH ROW
  WHEN (OLD.raw IS DISTINCT FROM NEW.raw OR OLD.credentials IS DISTINCT FROM NEW.credentials
        OR OLD."credentialsAsOf" IS DISTINCT FROM NEW."credentialsAsOf" OR OLD.flags IS DISTINCT FROM NEW.flags)
  EXECUTE FUNCTION attest_access_review_item_facts_immutable();
