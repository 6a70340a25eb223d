import type { IAM_REPORT_COLUMNS } from "../../lib/access-reviews/csv";

// AWS IAM credential reports (`aws iam get-credential-report`) for the tests and the bench. The
// header is written out here, not taken from lib/access-reviews/csv.ts, so that the importer is
// checked against the format AWS writes rather than against its own list.

type IamReportColumn = (typeof IAM_REPORT_COLUMNS)[number];

export const IAM_REPORT_HEADER =
  "user,arn,user_creation_time,password_enabled,password_last_used,password_last_changed,password_next_rotation,mfa_active," +
  "access_key_1_active,access_key_1_last_rotated,access_key_1_last_used_date,access_key_1_last_used_region,access_key_1_last_used_service," +
  "access_key_2_active,access_key_2_last_rotated,access_key_2_last_used_date,access_key_2_last_used_region,access_key_2_last_used_service," +
  "cert_1_active,cert_1_last_rotated,cert_2_active,cert_2_last_rotated";

const COLUMNS = IAM_REPORT_HEADER.split(",") as IamReportColumn[];

/**
 * One line of a report: the given cells, and for every other column what AWS writes for a
 * credential that is not in use ("false" for password_enabled and the *_active columns, "N/A" for the rest).
 */
export function iamReportLine(cells: Partial<Record<IamReportColumn, string>>): string {
  return COLUMNS.map((column) => cells[column] ?? (column.endsWith("_active") || column === "password_enabled" ? "false" : "N/A")).join(
    ",",
  );
}
