import { auditLogWhere, type Scope } from "@/lib/auth/scope";
import "server-only";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { verifyAuditLog, type AuditVerdict } from "@/lib/audit-log/verify";
import { AUDIT_LOG_PAGE_SIZE, type AuditLogFilters } from "@/lib/validations/audit-log";

/** One audit-log entry as the page and the API show it (seq as a string: it is a bigint). */
export interface AuditLogRow {
  seq: string;
  at: string;
  actorEmail: string | null;
  actorRole: string | null;
  actorKind: string;
  /** The acting user has since been disabled; the snapshot above still says who it was. */
  actorDisabled: boolean;
  action: string;
  entityType: string;
  entityId: string | null;
  before: unknown;
  after: unknown;
}

export interface AuditLogPage {
  rows: AuditLogRow[];
  /** Entries matching the filters, and how many of them are newer than this page. */
  total: number;
  newerCount: number;
  /** Keyset cursors: `seq < olderCursor` is the next page; null when there is none. */
  olderCursor: string | null;
  /** The cursor of the newer page: "" when that is the first page, null when this is the first page. */
  newerCursor: string | null;
}

const nextDay = (date: string) => new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000);

function whereOf(f: AuditLogFilters, scope: Scope): Prisma.AuditLogEntryWhereInput {
  return {
    AND: [auditLogWhere(scope)],
    ...(f.actor ? { actorEmail: { contains: f.actor, mode: "insensitive" } } : {}),
    ...(f.entityType ? { entityType: f.entityType } : {}),
    ...(f.entityId ? { entityId: f.entityId } : {}),
    ...(f.action ? { action: f.action } : {}),
    // Calendar days in UTC, both ends included.
    ...(f.from || f.to
      ? { at: { ...(f.from ? { gte: new Date(`${f.from}T00:00:00Z`) } : {}), ...(f.to ? { lt: nextDay(f.to) } : {}) } }
      : {}),
  };
}

const rowSelect = {
  seq: true,
  at: true,
  actorEmail: true,
  actorRole: true,
  actorKind: true,
  action: true,
  entityType: true,
  entityId: true,
  before: true,
  after: true,
  actor: { select: { disabledAt: true } },
} satisfies Prisma.AuditLogEntrySelect;

type SelectedEntry = Prisma.AuditLogEntryGetPayload<{ select: typeof rowSelect }>;

function toRow(e: SelectedEntry): AuditLogRow {
  return {
    seq: e.seq.toString(),
    at: e.at.toISOString(),
    actorEmail: e.actorEmail,
    actorRole: e.actorRole,
    actorKind: e.actorKind,
    actorDisabled: Boolean(e.actor?.disabledAt),
    action: e.action,
    entityType: e.entityType,
    entityId: e.entityId,
    before: e.before ?? null,
    after: e.after ?? null,
  };
}

/** One page of entries, newest first, walking the seq primary key (keyset, not offset). */
export async function listAuditEntries(
  filters: AuditLogFilters,
  scope: Scope,
  pageSize = AUDIT_LOG_PAGE_SIZE,
): Promise<{ rows: AuditLogRow[]; olderCursor: string | null }> {
  const where = whereOf(filters, scope);
  const entries = await db.auditLogEntry.findMany({
    where: filters.cursor ? { AND: [where, { seq: { lt: BigInt(filters.cursor) } }] } : where,
    orderBy: { seq: "desc" },
    take: pageSize + 1,
    select: rowSelect,
  });
  const rows = entries.slice(0, pageSize).map(toRow);
  return { rows, olderCursor: entries.length > pageSize ? rows[rows.length - 1].seq : null };
}

/** The page for /audit-log: the entries, the totals for "entries X–Y of N" and both cursors. */
export async function auditLogPage(filters: AuditLogFilters, scope: Scope): Promise<AuditLogPage> {
  const where = whereOf(filters, scope);
  const cursor = filters.cursor ? BigInt(filters.cursor) : null;
  const newerWhere = { AND: [where, { seq: { gte: cursor ?? 0n } }] };
  const [page, total, newerCount, newer] = await Promise.all([
    listAuditEntries(filters, scope),
    db.auditLogEntry.count({ where }),
    cursor ? db.auditLogEntry.count({ where: newerWhere }) : Promise.resolve(0),
    cursor
      ? db.auditLogEntry.findMany({
          where: newerWhere,
          orderBy: { seq: "asc" },
          take: AUDIT_LOG_PAGE_SIZE + 1,
          select: { seq: true },
        })
      : Promise.resolve([]),
  ]);
  // The newer page holds the page-size entries just above this one; when fewer remain it is the first page.
  const newerCursor =
    !cursor || newer.length === 0 ? null : newer.length > AUDIT_LOG_PAGE_SIZE ? newer[AUDIT_LOG_PAGE_SIZE].seq.toString() : "";
  return { rows: page.rows, olderCursor: page.olderCursor, total, newerCount, newerCursor };
}

/** The values seen in the log, for the filter selects (GROUP BY on the table, not a scan in JS). */
export async function auditLogFilterOptions(scope: Scope): Promise<{ actors: string[]; entityTypes: string[]; actions: string[] }> {
  const where = auditLogWhere(scope);
  const [actors, entityTypes, actions] = await Promise.all([
    db.auditLogEntry.groupBy({ by: ["actorEmail"], where, orderBy: { actorEmail: "asc" } }),
    db.auditLogEntry.groupBy({ by: ["entityType"], where, orderBy: { entityType: "asc" } }),
    db.auditLogEntry.groupBy({ by: ["action"], where, orderBy: { action: "asc" } }),
  ]);
  return {
    actors: actors.map((a) => a.actorEmail).filter((e): e is string => e !== null),
    entityTypes: entityTypes.map((t) => t.entityType),
    actions: actions.map((a) => a.action),
  };
}

/** The chain check of the page's "Verify chain" button and GET /api/v1/audit-log/verify, against the app's database. */
export function verifyStoredAuditLog(): Promise<AuditVerdict> {
  return verifyAuditLog(db);
}
