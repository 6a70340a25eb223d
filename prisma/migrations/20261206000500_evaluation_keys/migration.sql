-- The evaluation cross-reference in SQL (lib/changes/evaluation.ts): the keys by which a change
-- and an evaluation name the same commit or pull request, exactly as lib/coverage/matching.ts
-- normalises them. Functions, not stored columns: Evidence rows are immutable, and Prisma's schema
-- diff would drop generated columns or expression indexes it cannot describe.

-- A commit SHA compared case-insensitively and without surrounding spaces; empty means none.
CREATE OR REPLACE FUNCTION attest_commit_key(value text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT NULLIF(lower(regexp_replace(value, '^\s+|\s+$', '', 'g')), '')
$$;

-- `#12`, `12` and a URL ending in `/pull/12` (or `/pulls/12`, a trailing slash, query or fragment)
-- all become `12` (leading zeros dropped); anything else is compared as lower-cased text.
CREATE OR REPLACE FUNCTION attest_pull_request_key(value text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT CASE
    WHEN v IS NULL OR v = '' THEN NULL
    WHEN n IS NOT NULL THEN COALESCE(NULLIF(ltrim(n, '0'), ''), '0')
    ELSE v
  END
  FROM (
    SELECT v, COALESCE(substring(v FROM '^#?([0-9]+)$'), substring(v FROM '/pulls?/([0-9]+)/?(?:[?#].*)?$')) AS n
    FROM (SELECT lower(regexp_replace(value, '^\s+|\s+$', '', 'g')) AS v) AS trimmed
  ) AS parsed
$$;

-- The keys stored beside what they are computed from, so that the cross-reference is an index
-- lookup or a hash join on plain columns. `commitPrefix` is the key's first 7 characters: two SHAs
-- of which one is a 7+ character prefix of the other always share it. A trigger keeps them: no
-- code path that writes a change or evidence can forget them.
ALTER TABLE "Evidence" ADD COLUMN "commitKey" TEXT, ADD COLUMN "commitPrefix" TEXT, ADD COLUMN "pullRequestKey" TEXT;
ALTER TABLE "Change" ADD COLUMN "commitKey" TEXT, ADD COLUMN "commitPrefix" TEXT, ADD COLUMN "pullRequestKey" TEXT;

CREATE OR REPLACE FUNCTION attest_reference_keys() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW."commitKey" := attest_commit_key(NEW."commitSha");
  NEW."commitPrefix" := left(NEW."commitKey", 7);
  NEW."pullRequestKey" := attest_pull_request_key(NEW."pullRequest");
  RETURN NEW;
END
$$;

CREATE TRIGGER evidence_reference_keys BEFORE INSERT OR UPDATE ON "Evidence"
  FOR EACH ROW EXECUTE FUNCTION attest_reference_keys();
CREATE TRIGGER change_reference_keys BEFORE INSERT OR UPDATE ON "Change"
  FOR EACH ROW EXECUTE FUNCTION attest_reference_keys();

-- Rows written before this migration.
UPDATE "Evidence" SET "commitSha" = "commitSha" WHERE "commitSha" IS NOT NULL OR "pullRequest" IS NOT NULL;
UPDATE "Change" SET "commitSha" = "commitSha" WHERE "commitSha" IS NOT NULL OR "pullRequest" IS NOT NULL;

CREATE INDEX "Evidence_commitPrefix_idx" ON "Evidence"("commitPrefix");
CREATE INDEX "Evidence_pullRequestKey_idx" ON "Evidence"("pullRequestKey");
