// What an AWS IAM credential report says about one principal, and the flags a reviewer needs
// (docs/access-reviews.md, "Credential facts and flags"). Pure: no I/O, the reference time is a
// parameter (the import's database time), so the import, the pages and the tests agree exactly.

/** AWS's words for a time it does not give: no credential or never used, not tracked, or not applicable (root). */
export const NO_TIME_WORDS = ["N/A", "no_information", "not_supported"] as const;

/** A time cell as AWS wrote it: an ISO 8601 timestamp or one of NO_TIME_WORDS, kept verbatim. */
export type ReportedTime = string;

export interface AccessKeyFacts {
  slot: 1 | 2;
  active: boolean;
  /** When the key was created or last rotated. */
  lastRotated: ReportedTime;
  lastUsed: ReportedTime;
  lastUsedRegion: string;
  lastUsedService: string;
}

export interface CertificateFacts {
  slot: 1 | 2;
  active: boolean;
  lastRotated: ReportedTime;
}

export interface IamCredentials {
  source: "AWS IAM credential report";
  root: boolean;
  arn: string;
  userCreationTime: ReportedTime;
  console: {
    /** "true", "false", or "not_supported" (the root user). */
    passwordEnabled: string;
    lastUsed: ReportedTime;
    lastChanged: ReportedTime;
    nextRotation: ReportedTime;
    /** Whether the principal can sign in to the console: the password (root: a recorded sign-in). */
    access: boolean;
  };
  mfaActive: boolean;
  accessKeys: AccessKeyFacts[];
  certificates: CertificateFacts[];
}

export const CREDENTIAL_FLAGS = ["ROOT_ACCOUNT", "NEVER_USED", "UNUSED_90_DAYS", "KEY_OLDER_THAN_90_DAYS", "NO_MFA_WITH_CONSOLE"] as const;
export type CredentialFlagName = (typeof CREDENTIAL_FLAGS)[number];
export const CREDENTIAL_FLAG_LABELS: Record<CredentialFlagName, string> = {
  ROOT_ACCOUNT: "Root account",
  NEVER_USED: "Never used",
  UNUSED_90_DAYS: "Unused for 90 days",
  KEY_OLDER_THAN_90_DAYS: "Key older than 90 days",
  NO_MFA_WITH_CONSOLE: "No MFA with console access",
};

export const STALE_DAYS = 90;
const DAY_MS = 86_400_000;
const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/;

/** The time a cell names, or null for AWS's no-time words. */
export function reportedTime(value: ReportedTime): Date | null {
  if (!ISO_TIME.test(value)) return null;
  const t = new Date(value);
  return Number.isNaN(t.getTime()) ? null : t;
}

export const isRootPrincipal = (user: string, arn: string) =>
  user.trim() === "<root_account>" || /^arn:aws[\w-]*:iam::\d+:root$/.test(arn.trim());

const cell = (raw: Record<string, string>, column: string) => (raw[column] ?? "").trim();

/**
 * The row's credential facts, and the problems that stop them being kept (each naming its column):
 * booleans are "true"/"false", times are ISO 8601 or one of AWS's words. An unreadable cell reads as
 * false or no time in the facts, so the problems must refuse the row.
 */
export function parseIamCredentials(raw: Record<string, string>): { credentials: IamCredentials; problems: string[] } {
  const problems: string[] = [];
  const flag = (column: string, allowed: readonly string[] = ["true", "false"]) => {
    const v = cell(raw, column).toLowerCase();
    if (!allowed.includes(v))
      problems.push(`${column}: “${cell(raw, column)}” is not ${allowed.slice(0, -1).join(", ")} or ${allowed.at(-1)}.`);
    return v;
  };
  const time = (column: string) => {
    const v = cell(raw, column);
    if (!(NO_TIME_WORDS as readonly string[]).includes(v) && !reportedTime(v))
      problems.push(`${column}: “${v}” is neither an ISO 8601 time nor ${NO_TIME_WORDS.join(", ")}.`);
    return v;
  };
  const text = (column: string) => cell(raw, column) || "N/A";
  const arn = cell(raw, "arn");
  const root = isRootPrincipal(cell(raw, "user"), arn);
  const passwordEnabled = flag("password_enabled", ["true", "false", "not_supported"]);
  const lastUsed = time("password_last_used");
  const credentials: IamCredentials = {
    source: "AWS IAM credential report",
    root,
    arn,
    userCreationTime: time("user_creation_time"),
    console: {
      passwordEnabled,
      lastUsed,
      lastChanged: time("password_last_changed"),
      nextRotation: time("password_next_rotation"),
      // AWS reports root's password as not_supported: a recorded sign-in is what says it has console access.
      access: root ? reportedTime(lastUsed) !== null : passwordEnabled === "true",
    },
    mfaActive: flag("mfa_active") === "true",
    accessKeys: ([1, 2] as const).map((slot) => ({
      slot,
      active: flag(`access_key_${slot}_active`) === "true",
      lastRotated: time(`access_key_${slot}_last_rotated`),
      lastUsed: time(`access_key_${slot}_last_used_date`),
      lastUsedRegion: text(`access_key_${slot}_last_used_region`),
      lastUsedService: text(`access_key_${slot}_last_used_service`),
    })),
    certificates: ([1, 2] as const).map((slot) => ({
      slot,
      active: flag(`cert_${slot}_active`) === "true",
      lastRotated: time(`cert_${slot}_last_rotated`),
    })),
  };
  return { credentials, problems };
}

/** Whole days from `from` to `asOf` (negative when `from` is later). */
export const daysBetween = (from: Date, asOf: Date) => Math.floor((asOf.getTime() - from.getTime()) / DAY_MS);
const stale = (t: Date | null, asOf: Date) => t === null || daysBetween(t, asOf) >= STALE_DAYS;

interface LiveCredential {
  lastUsed: Date | null;
  /** Since when it could have been used: a key's creation or rotation, the password's change, the user's creation. */
  since: Date | null;
}

/** The credentials that work today: the console (when it has access) and each active key. */
function liveCredentials(c: IamCredentials): LiveCredential[] {
  const created = reportedTime(c.userCreationTime);
  return [
    ...(c.console.access ? [{ lastUsed: reportedTime(c.console.lastUsed), since: reportedTime(c.console.lastChanged) ?? created }] : []),
    ...c.accessKeys
      .filter((k) => k.active)
      .map((k) => ({ lastUsed: reportedTime(k.lastUsed), since: reportedTime(k.lastRotated) ?? created })),
  ];
}

/**
 * The flags, against `asOf` (the import's time). The stricter reading wherever the report leaves room:
 * - Never used: a live credential (console access, an active key) has no recorded use (N/A or
 *   no_information), or the principal has no live credential and no recorded use at all.
 * - Unused for 90 days: a live credential last used 90 or more days before asOf, or never used and
 *   created (rotated, changed) 90 or more days before; with no live credential, the principal's last
 *   recorded use (else its creation) 90 or more days before. An unknown time counts as old.
 * - Key older than 90 days: an active access key created or last rotated 90 or more days before
 *   asOf, or whose rotation time the report does not give.
 * - No MFA with console access: MFA not active and console access; the root user always counts as
 *   having console access here (AWS does not report its password, and it can always be reset by e-mail).
 * - Root account: the `<root_account>` row (or an ARN ending in `:root`).
 * Signing certificates carry no usage in the report: they are shown, never flagged.
 */
export function credentialFlags(c: IamCredentials, asOf: Date): CredentialFlagName[] {
  const live = liveCredentials(c);
  const uses = [c.console.lastUsed, ...c.accessKeys.map((k) => k.lastUsed)].map(reportedTime).filter((t): t is Date => t !== null);
  const lastUse = uses.length ? new Date(Math.max(...uses.map((t) => t.getTime()))) : null;
  const flags = new Set<CredentialFlagName>();
  if (c.root) flags.add("ROOT_ACCOUNT");
  if (live.some((l) => l.lastUsed === null) || (live.length === 0 && lastUse === null)) flags.add("NEVER_USED");
  if (live.length ? live.some((l) => stale(l.lastUsed ?? l.since, asOf)) : stale(lastUse ?? reportedTime(c.userCreationTime), asOf))
    flags.add("UNUSED_90_DAYS");
  if (c.accessKeys.some((k) => k.active && stale(reportedTime(k.lastRotated), asOf))) flags.add("KEY_OLDER_THAN_90_DAYS");
  if (!c.mfaActive && (c.console.access || c.root)) flags.add("NO_MFA_WITH_CONSOLE");
  return CREDENTIAL_FLAGS.filter((f) => flags.has(f));
}

/** "console+key1": how the principal can sign in or call the API (root: console only with a recorded sign-in). */
export function accessSummary(c: IamCredentials): string {
  const parts = [
    c.console.access ? "console" : null,
    ...c.accessKeys.filter((k) => k.active).map((k) => `key${k.slot}`),
    ...c.certificates.filter((k) => k.active).map((k) => `cert${k.slot}`),
  ].filter(Boolean);
  if (parts.length === 0) return c.root ? "root: no sign-in recorded, no active key" : "no active credentials";
  return parts.join("+") + (c.console.access && !c.mfaActive ? " (no MFA)" : "");
}
