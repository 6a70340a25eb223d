import { z } from "zod";
import type { SchemaObject } from "openapi3-ts/oas31";
import { date, endpoint, json, nullable, time, uuid } from "@/lib/api/endpoint";
import { EXCEPTION_KINDS } from "@/lib/export/types";
import { exceptionId, responseSchema, unlockSchema } from "@/lib/validations/exception";

// A period's exceptions, management responses, lock and unlock (docs/periods-lock.md).

const periodParams = z.object({ id: z.uuid().meta({ description: "The audit period id (a UUID)." }) });
const exceptionParams = periodParams.extend({
  exceptionId: exceptionId.meta({
    description: "The exception's id as GET …/exceptions lists it, such as `MISSING_SLOT:AI-SEC-05:2026-01-01`.",
  }),
});

const lockedBy: SchemaObject = nullable({
  type: "object",
  required: ["lockedAt", "lockedBy"],
  properties: { lockedAt: time, lockedBy: { type: "string", description: "Who locked it: an e-mail, or token:NAME." } },
  description: "Set when the period is locked: the figures are its snapshot as of lockedAt, not recomputed.",
}) as SchemaObject;

const periodException: SchemaObject = {
  type: "object",
  required: ["id", "kind", "control", "start", "end", "description", "response", "respondedBy", "respondedAt"],
  properties: {
    id: {
      type: "string",
      description: "Stable: `KIND:CONTROL:START` for missing slots, `KIND:EVIDENCE-ID` or `READINESS_CHECK:CHECK-ID`.",
    },
    kind: { type: "string", enum: [...EXCEPTION_KINDS] },
    control: nullable({ type: "string" }),
    start: date,
    end: date,
    description: { type: "string" },
    response: { type: "string", description: "Management's response; empty until a compliance lead writes one." },
    respondedBy: nullable({ type: "string" }),
    respondedAt: nullable(time),
  },
};

const lockResult: SchemaObject = {
  type: "object",
  required: ["lockedAt", "lockedBy", "auditHead", "snapshotSha256"],
  properties: {
    lockedAt: time,
    lockedBy: { type: "string" },
    auditHead: nullable({ type: "object", properties: { seq: { type: "string" }, hash: { type: "string" } } }),
    snapshotSha256: { type: "string", pattern: "^[0-9a-f]{64}$", description: "SHA-256 of the snapshot's canonical JSON." },
    summary: { type: "object" },
    exceptions: { type: "integer" },
    responded: { type: "integer" },
  },
};

export const periodLockApi = {
  listPeriodExceptions: endpoint({
    method: "GET",
    path: "/api/v1/periods/{id}/exceptions",
    permission: "periods:read",
    params: periodParams,
    operationId: "listPeriodExceptions",
    summary: "Exceptions of an audit period",
    description:
      "Every run of missing slots of a control, every evidence rejected or withdrawn in the window, every failing readiness check, " +
      "each with management's response. A locked period answers with its snapshot as of the lock (`locked`).",
    tags: ["Periods"],
    ok: {
      "200": json(
        {
          type: "object",
          required: ["periodId", "locked", "exceptions"],
          properties: { periodId: uuid, locked: lockedBy, exceptions: { type: "array", items: periodException } },
        },
        "The exceptions.",
      ),
    },
    errors: ["NotFound"],
  }),
  writeExceptionResponse: endpoint({
    method: "PUT",
    path: "/api/v1/periods/{id}/exceptions/{exceptionId}/response",
    permission: "periods:write",
    params: exceptionParams,
    body: responseSchema,
    bodyName: "ExceptionResponseInput",
    example: { response: "The control operated; the record was filed late. Filing is now automated." },
    operationId: "writeExceptionResponse",
    summary: "Write management's response to an exception",
    description:
      "Sets (or replaces) the response to one exception of the period; audited as `period.exception_response` with before and after. " +
      "404 when the period has no such exception now; 409 when the period is locked (unlock it first).",
    tags: ["Periods"],
    ok: { "200": json(periodException, "The exception with its response.") },
    errors: ["Validation", "NotFound", "Conflict"],
  }),
  lockPeriod: endpoint({
    method: "POST",
    path: "/api/v1/periods/{id}/lock",
    permission: "periods:write",
    params: periodParams,
    operationId: "lockPeriod",
    summary: "Lock an audit period",
    description:
      "Freezes the period's coverage and exceptions with their responses as they stand: from then on they are shown from this " +
      "snapshot, whatever is uploaded or withdrawn later. Audited as `period.locked` with the audit log's head and the snapshot's " +
      "hash. 409 when it is locked already.",
    tags: ["Periods"],
    ok: { "200": json(lockResult, "The lock.") },
    errors: ["NotFound", "Conflict"],
  }),
  unlockPeriod: endpoint({
    method: "POST",
    path: "/api/v1/periods/{id}/unlock",
    permission: "periods:write",
    params: periodParams,
    body: unlockSchema,
    bodyName: "PeriodUnlockInput",
    example: { reason: "The auditor asked for a re-test of AI-SEC-05." },
    operationId: "unlockPeriod",
    summary: "Unlock an audit period",
    description:
      "Drops the snapshot (the figures are computed again) with a reason of at least 10 characters; audited as `period.unlocked`. " +
      "409 when it is not locked.",
    tags: ["Periods"],
    ok: {
      "200": json(
        { type: "object", required: ["unlocked", "reason"], properties: { unlocked: { const: true }, reason: { type: "string" } } },
        "Unlocked.",
      ),
    },
    errors: ["Validation", "NotFound", "Conflict"],
  }),
};
