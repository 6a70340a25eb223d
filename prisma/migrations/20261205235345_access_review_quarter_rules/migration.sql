-- AlterTable
ALTER TABLE "AccessReview" ADD COLUMN     "late" BOOLEAN,
ADD COLUMN     "performedIn" TEXT,
ADD COLUMN     "sameQuarterReason" TEXT;

-- Campaigns signed off before this column: the quarter of their sign-off day in the organisation's
-- time zone (the setting, UTC when unset or unknown to PostgreSQL) and whether that day was after
-- the labelled quarter's last day, as the sign-off now stores them (docs/access-reviews.md).
WITH tz AS (
  SELECT COALESCE(
    (SELECT s.value #>> '{}' FROM "Setting" s
      WHERE s.key = 'timeZone' AND (s.value #>> '{}') IN (SELECT name FROM pg_timezone_names)),
    'UTC') AS name
)
UPDATE "AccessReview" r SET
  "performedIn" = to_char((r."signedOffAt" AT TIME ZONE tz.name)::date, 'YYYY-"Q"Q'),
  "late" = (r."signedOffAt" AT TIME ZONE tz.name)::date >
    (make_date(split_part(r.quarter, '-Q', 1)::int, split_part(r.quarter, '-Q', 2)::int * 3, 1) + interval '1 month' - interval '1 day')::date
FROM tz
WHERE r.status = 'SIGNED_OFF' AND r."signedOffAt" IS NOT NULL AND r.quarter ~ '^\d{4}-Q[1-4]$';
