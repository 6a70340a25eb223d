import Papa from "papaparse";
import { z } from "zod";
import { importSizeProblem, lineCount, withoutBom } from "@/lib/imports/upload";
import { rolesWith } from "@/lib/permissions";
import { accessSummary, isRootPrincipal, parseIamCredentials, type IamCredentials } from "@/lib/access-reviews/iam-credentials";
import { PRINCIPAL_KINDS, RESOURCE_KINDS, type PrincipalKindName, type ResourceKindName } from "@/lib/validations/access-review";

// Access-review items from a CSV export, with a column mapping. Pure: no I/O, so the preview, the
// import and the unit tests read a file the same way. Row numbers are those a spreadsheet shows
// (the header is row 1, the first data row is row 2); blank lines are skipped but still counted.

export const ACCESS_CSV_MAX_ROWS = 20_000;
export const PREVIEW_ROWS = 20;

/** accessLevel mapped to this value: a summary derived from an IAM credential report's columns. */
export const DERIVED_ACCESS = "@derived";

/** The columns of an AWS IAM credential report (`aws iam get-credential-report`). */
export const IAM_REPORT_COLUMNS = [
  "user",
  "arn",
  "user_creation_time",
  "password_enabled",
  "password_last_used",
  "password_last_changed",
  "password_next_rotation",
  "mfa_active",
  "access_key_1_active",
  "access_key_1_last_rotated",
  "access_key_1_last_used_date",
  "access_key_1_last_used_region",
  "access_key_1_last_used_service",
  "access_key_2_active",
  "access_key_2_last_rotated",
  "access_key_2_last_used_date",
  "access_key_2_last_used_region",
  "access_key_2_last_used_service",
  "cert_1_active",
  "cert_1_last_rotated",
  "cert_2_active",
  "cert_2_last_rotated",
] as const;

const IAM_SIGNATURE = ["user", "arn", "password_enabled", "mfa_active", "access_key_1_active"];

export type CsvLayout = "IAM_CREDENTIAL_REPORT" | "GENERIC";

export const LAYOUT_LABELS: Record<CsvLayout, string> = {
  IAM_CREDENTIAL_REPORT: "IAM credential report",
  GENERIC: "Generic CSV",
};

export const mappingSchema = z.object({
  principal: z.string().trim().min(1, { error: "Choose the column that holds the principal." }),
  principalKind: z.string().trim().default(""),
  principalKindDefault: z.enum(["INFER", ...PRINCIPAL_KINDS]).default("INFER"),
  resource: z.string().trim().default(""),
  resourceFixed: z.string().trim().max(300).default(""),
  resourceKind: z.enum(RESOURCE_KINDS, { error: "Choose the kind of resource." }).default("OTHER"),
  accessLevel: z.string().trim().default(""),
  accessLevelFixed: z.string().trim().max(300).default(""),
  reviewer: z.string().trim().default(""),
  source: z.string().trim().max(200).default(""),
});
export type ColumnMapping = z.output<typeof mappingSchema>;

export interface CsvRowError {
  row: number;
  messages: string[];
}

export interface CsvTable {
  header: string[];
  records: { row: number; cells: string[] }[];
  /** Problems with the file as a whole (header) or with single rows' shape. */
  errors: CsvRowError[];
}

/** An item read from a row, not yet checked against the accounts (reviewer e-mails). */
export interface MappedItem {
  row: number;
  principal: string;
  principalKind: PrincipalKindName;
  resource: string;
  resourceKind: ResourceKindName;
  accessLevel: string;
  source: string;
  reviewerEmail: string | null;
  raw: Record<string, string>;
  /** What a full IAM credential report said about the principal's credentials; null for other files. */
  credentials: IamCredentials | null;
}

export interface MappedCsv {
  items: MappedItem[];
  errors: CsvRowError[];
}

/** Parses the text into a header and rows; a row with the wrong number of cells is an error. */
export function readCsvTable(text: string): CsvTable {
  const parsed = Papa.parse<string[]>(withoutBom(text), { skipEmptyLines: false });
  const records = parsed.data;
  const header = (records[0] ?? []).map((h) => h.trim());
  const table: CsvTable = { header, records: [], errors: [] };
  if (header.length === 0 || header.every((h) => h === "")) {
    table.errors.push({ row: 1, messages: ["The file is empty: the first row must be a header naming the columns."] });
    return table;
  }
  const blankNames = header.filter((h) => h === "").length;
  const duplicated = [...new Set(header.filter((h, i) => h !== "" && header.indexOf(h) !== i))];
  const headerProblems = [
    ...(blankNames ? [`${blankNames} column${blankNames > 1 ? "s have" : " has"} no name in the header.`] : []),
    ...(duplicated.length ? [`Column given twice: ${duplicated.join(", ")}.`] : []),
  ];
  if (headerProblems.length) {
    table.errors.push({ row: 1, messages: headerProblems });
    return table;
  }
  const shapeErrors = new Map<number, string[]>();
  for (const e of parsed.errors) {
    if (typeof e.row === "number") shapeErrors.set(e.row, [...(shapeErrors.get(e.row) ?? []), e.message]);
  }
  for (let i = 1; i < records.length; i++) {
    const cells = records[i];
    if (cells.every((c) => c.trim() === "")) continue;
    const row = i + 1;
    const problems = [...(shapeErrors.get(i) ?? [])];
    if (cells.length !== header.length) problems.push(`Has ${cells.length} cells but the header has ${header.length} columns.`);
    if (problems.length) table.errors.push({ row, messages: problems });
    else table.records.push({ row, cells });
  }
  return table;
}

/** Every one of the 22 columns AWS writes: only then are the credential facts read and kept. */
export const isFullIamReport = (header: readonly string[]) => IAM_REPORT_COLUMNS.every((c) => header.includes(c));

export function detectLayout(header: readonly string[]): CsvLayout {
  const names = new Set(header.map((h) => h.trim().toLowerCase()));
  return IAM_SIGNATURE.every((c) => names.has(c)) ? "IAM_CREDENTIAL_REPORT" : "GENERIC";
}

const find = (header: readonly string[], ...candidates: string[]) =>
  header.find((h) =>
    candidates.includes(
      h
        .trim()
        .toLowerCase()
        .replace(/[\s-]+/g, "_"),
    ),
  ) ?? "";

/** A first mapping for the form: the IAM report's own, or columns whose names say what they are. */
export function suggestMapping(header: readonly string[]): ColumnMapping {
  if (detectLayout(header) === "IAM_CREDENTIAL_REPORT") {
    return {
      principal: find(header, "user"),
      principalKind: "",
      principalKindDefault: "INFER",
      resource: "",
      resourceFixed: "AWS account",
      resourceKind: "MODEL_API_KEY",
      accessLevel: DERIVED_ACCESS,
      accessLevelFixed: "",
      reviewer: find(header, "reviewer", "reviewer_email"),
      source: "IAM credential report",
    };
  }
  return {
    principal: find(header, "principal", "user", "username", "user_name", "email", "member", "identity", "account"),
    principalKind: find(header, "principal_kind", "kind", "type", "principal_type"),
    principalKindDefault: "INFER",
    resource: find(header, "resource", "resource_name", "system", "application", "app"),
    resourceFixed: "",
    resourceKind: "OTHER",
    accessLevel: find(header, "access_level", "access", "role", "permission", "permissions", "level"),
    accessLevelFixed: "",
    reviewer: find(header, "reviewer", "reviewer_email"),
    source: "CSV import",
  };
}

const truthy = (v: string | undefined) => (v ?? "").trim().toLowerCase() === "true";

/**
 * "console+key1": how an IAM principal can sign in or call the API, from the credential report's
 * columns (the root user's console access follows its recorded sign-in: lib/access-reviews/iam-credentials.ts).
 */
export function deriveIamAccess(raw: Record<string, string>): string {
  return accessSummary(parseIamCredentials(raw).credentials);
}

const ROOT_WORDS = new Set(["root", "root account", "root_account"]);
const HUMAN_WORDS = new Set(["human", "person", "user", "people", "employee", "staff"]);
const SERVICE_WORDS = new Set([
  "service",
  "machine",
  "bot",
  "role",
  "robot",
  "workload",
  "service_account",
  "service account",
  "application",
]);

/**
 * Human or service, from the row: an IAM role is a service; a console password means a person; an
 * IAM user with keys and no password is a service account; an IAM user otherwise, the root
 * account or an e-mail address is a person. Null when the row does not say.
 */
export function inferPrincipalKind(principal: string, raw: Record<string, string>): PrincipalKindName | null {
  const arn = (raw.arn ?? "").trim();
  if (isRootPrincipal(principal, arn)) return "ROOT";
  if (/:role\//.test(arn) || /:assumed-role\//.test(arn)) return "SERVICE";
  const password = (raw.password_enabled ?? "").trim().toLowerCase();
  if (password === "true") return "HUMAN";
  const keys = truthy(raw.access_key_1_active) || truthy(raw.access_key_2_active);
  if (password === "false" && keys) return "SERVICE";
  if (/:user\//.test(arn)) return "HUMAN";
  if (/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(principal)) return "HUMAN";
  return null;
}

function kindFromCell(value: string): PrincipalKindName | null {
  const v = value.trim().toLowerCase();
  if (HUMAN_WORDS.has(v)) return "HUMAN";
  if (SERVICE_WORDS.has(v)) return "SERVICE";
  if (ROOT_WORDS.has(v)) return "ROOT";
  return null;
}

const EMAIL = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;

/** The mapping's problems that concern the whole file (a mapped column that is not in the header). */
export function mappingProblems(header: readonly string[], mapping: ColumnMapping): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  const columns = new Set(header);
  const check = (field: keyof ColumnMapping, value: string, allowed: string[] = []) => {
    if (value && !allowed.includes(value) && !columns.has(value)) out[field] = [`The file has no column “${value}”.`];
  };
  check("principal", mapping.principal);
  check("principalKind", mapping.principalKind);
  check("resource", mapping.resource);
  check("accessLevel", mapping.accessLevel, [DERIVED_ACCESS]);
  check("reviewer", mapping.reviewer);
  if (!mapping.principal) out.principal = ["Choose the column that holds the principal."];
  if (!mapping.resource && !mapping.resourceFixed)
    out.resource = ["Choose the column that names the resource, or type one resource for every row."];
  if (!mapping.accessLevel && !mapping.accessLevelFixed)
    out.accessLevel = ["Choose the column that holds the access level, or type one for every row."];
  return out;
}

/**
 * Every row through the mapping: the item it becomes, or what is wrong with it. The whole row is
 * kept as `raw` (the evidence of what the export said). A principal and resource that appear twice
 * are an error on the second row.
 */
export function mapCsvRows(table: CsvTable, mapping: ColumnMapping): MappedCsv {
  const result: MappedCsv = { items: [], errors: [...table.errors] };
  const seen = new Map<string, number>();
  const source = mapping.source || "CSV import";
  const iamReport = isFullIamReport(table.header);
  for (const { row, cells } of table.records) {
    const raw: Record<string, string> = {};
    table.header.forEach((h, i) => (raw[h] = cells[i]));
    const messages: string[] = [];
    const principal = (raw[mapping.principal] ?? "").trim();
    if (!principal) messages.push(`principal: the “${mapping.principal}” cell is empty.`);
    else if (principal.length > 300) messages.push("principal: longer than 300 characters.");

    let principalKind: PrincipalKindName | null = null;
    if (mapping.principalKind) {
      principalKind = kindFromCell(raw[mapping.principalKind] ?? "");
      if (!principalKind) messages.push(`principalKind: “${raw[mapping.principalKind] ?? ""}” is neither human, service nor root.`);
    } else if (mapping.principalKindDefault !== "INFER") {
      principalKind = mapping.principalKindDefault;
    } else if (principal) {
      principalKind = inferPrincipalKind(principal, raw);
      if (!principalKind) messages.push("principalKind: cannot tell whether this is a person or a service; choose a default kind.");
    }

    const resource = (mapping.resource ? (raw[mapping.resource] ?? "") : mapping.resourceFixed).trim();
    if (!resource) messages.push(`resource: the “${mapping.resource}” cell is empty.`);
    else if (resource.length > 300) messages.push("resource: longer than 300 characters.");

    const accessLevel = (
      mapping.accessLevel === DERIVED_ACCESS
        ? deriveIamAccess(raw)
        : mapping.accessLevel
          ? (raw[mapping.accessLevel] ?? "")
          : mapping.accessLevelFixed
    ).trim();
    if (!accessLevel) messages.push(`accessLevel: the “${mapping.accessLevel}” cell is empty.`);
    else if (accessLevel.length > 300) messages.push("accessLevel: longer than 300 characters.");

    let reviewerEmail: string | null = null;
    if (mapping.reviewer) {
      const cell = (raw[mapping.reviewer] ?? "").trim();
      if (cell && !EMAIL.test(cell)) messages.push(`reviewer: “${cell}” is not an e-mail address.`);
      else reviewerEmail = cell ? cell.toLowerCase() : null;
    }

    let credentials: IamCredentials | null = null;
    if (iamReport) {
      const parsed = parseIamCredentials(raw);
      messages.push(...parsed.problems);
      credentials = parsed.credentials;
    }

    if (messages.length === 0) {
      const key = `${principal.toLowerCase()}\u0000${resource.toLowerCase()}\u0000${accessLevel.toLowerCase()}`;
      const first = seen.get(key);
      if (first !== undefined) messages.push(`the same principal, resource and access level as row ${first}.`);
      else seen.set(key, row);
    }
    if (messages.length) {
      result.errors.push({ row, messages });
      continue;
    }
    result.items.push({
      row,
      principal,
      principalKind: principalKind!,
      resource,
      resourceKind: mapping.resourceKind,
      accessLevel,
      source,
      reviewerEmail,
      raw,
      credentials,
    });
  }
  result.errors.sort((a, b) => a.row - b.row);
  return result;
}

/** Size and row limits, checked before anything else; a message or null. */
export function csvLimitProblem(text: string, fileName: string): string | null {
  const tooLarge = importSizeProblem(fileName, new TextEncoder().encode(text).length);
  if (tooLarge) return `${tooLarge} Split the export into smaller files.`;
  if (lineCount(text) > ACCESS_CSV_MAX_ROWS + 1) {
    return `${fileName} has more than ${ACCESS_CSV_MAX_ROWS.toLocaleString("en-US")} rows; split the export into smaller files.`;
  }
  return null;
}

/** The first error as one sentence that names its row, for an all-or-nothing refusal. */
export function firstErrorMessage(errors: readonly CsvRowError[]): string {
  const first = errors[0];
  const more = errors.length > 1 ? ` (${errors.length - 1} more row${errors.length > 2 ? "s have" : " has"} problems)` : "";
  return `Nothing was imported: row ${first.row}: ${first.messages.join(" ")}${more}`;
}

/** An account as the import sees it: who a principal is, and who may review. */
export interface DirectoryUser {
  id: string;
  email: string;
  role: string;
  disabled: boolean;
}

export interface UserIndex {
  byEmail: Map<string, DirectoryUser>;
  /** E-mail local parts that belong to exactly one account ("alice" for alice@example.test). */
  byLocalPart: Map<string, DirectoryUser>;
}

export function indexUsers(users: readonly DirectoryUser[]): UserIndex {
  const byEmail = new Map<string, DirectoryUser>();
  const locals = new Map<string, DirectoryUser | null>();
  for (const u of users) {
    const email = u.email.toLowerCase();
    byEmail.set(email, u);
    const local = email.split("@")[0];
    locals.set(local, locals.has(local) ? null : u);
  }
  const byLocalPart = new Map<string, DirectoryUser>();
  for (const [k, v] of locals) if (v) byLocalPart.set(k, v);
  return { byEmail, byLocalPart };
}

/** The account an access belongs to: the principal is its e-mail (any case) or its e-mail's local part. */
export function matchPrincipal(principal: string, index: UserIndex): DirectoryUser | null {
  const p = principal.trim().toLowerCase();
  return index.byEmail.get(p) ?? index.byLocalPart.get(p) ?? null;
}

const DECIDING_ROLES: readonly string[] = rolesWith("access-reviews:decide");

/** Why an e-mail cannot review items, or null when it can (an enabled admin, lead or engineer). */
export function reviewerProblem(email: string, index: UserIndex): string | null {
  const user = index.byEmail.get(email.trim().toLowerCase());
  if (!user) return `${email} has no account in Attest.`;
  if (user.disabled) return `${email} is disabled and cannot review.`;
  if (!DECIDING_ROLES.includes(user.role)) return `${email} is an auditor; reviewers must be engineers, compliance leads or admins.`;
  return null;
}

/** Moves the items whose reviewer cannot review to the errors (with their row), keeping rows in order. */
export function checkReviewers(mapped: MappedCsv, index: UserIndex): MappedCsv {
  const items: MappedItem[] = [];
  const errors = [...mapped.errors];
  for (const item of mapped.items) {
    const problem = item.reviewerEmail ? reviewerProblem(item.reviewerEmail, index) : null;
    if (problem) errors.push({ row: item.row, messages: [`reviewer: ${problem}`] });
    else items.push(item);
  }
  errors.sort((a, b) => a.row - b.row);
  return { items, errors };
}

/**
 * The mapping an API import uses: the import form's first suggestion for this header
 * (suggestMapping), with each field the caller gave in its place; a 400 names a field it refuses.
 */
export function mappingWithSuggestion(header: readonly string[], given: Partial<Record<keyof ColumnMapping, string | undefined>>) {
  const chosen = Object.fromEntries(Object.entries(given).filter(([, value]) => value !== undefined));
  return mappingSchema.safeParse({ ...suggestMapping(header), ...chosen });
}
