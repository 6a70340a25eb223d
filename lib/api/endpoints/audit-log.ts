import { endpoint, json, ref } from "@/lib/api/endpoint";
import { AUDIT_LOG_PAGE_SIZE, auditLogFiltersSchema, searchParamsToObject } from "@/lib/validations/audit-log";

// The audit log and its chain check (lib/api/endpoint.ts).

export const auditLogApi = {
  listAuditLog: endpoint({
    method: "GET",
    path: "/api/v1/audit-log",
    permission: "audit-log:read",
    query: auditLogFiltersSchema,
    readQuery: searchParamsToObject,
    parameterNotes: {
      actor: "Part of the actor's e-mail or token name.",
      entityType: "Such as Control, Feature, Evidence.",
      action: "Such as control.updated.",
      cursor: "The `nextCursor` of the previous page.",
    },
    operationId: "listAuditLog",
    summary: "Read the audit log",
    description: `Newest first, ${AUDIT_LOG_PAGE_SIZE} a page (keyset). \`from\`/\`to\` are UTC calendar days, both inclusive.`,
    tags: ["Audit log"],
    ok: { "200": json(ref("AuditLogPage"), "A page of entries.") },
    errors: ["Validation"],
  }),
  verifyAuditLog: endpoint({
    method: "GET",
    path: "/api/v1/audit-log/verify",
    permission: "audit-log:read",
    operationId: "verifyAuditLog",
    summary: "Verify the audit log's hash chain",
    description:
      "The same check as `npm run audit:verify`: recomputes every entry's HMAC and link and compares the head with the newest signed checkpoint; names missing or altered entries.",
    tags: ["Audit log"],
    ok: { "200": json(ref("AuditChainVerdict"), "The verdict (a broken chain is still a 200 with ok: false).") },
  }),
};
