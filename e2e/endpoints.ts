import { createHash } from "node:crypto";
import type { Permission } from "../lib/permissions";
import type { Role } from "./support";

// The expected-permission table that e2e/authorization.spec.ts checks every endpoint against.
// The spec discovers the endpoints itself (app/**/route.ts, the build's server-action manifest,
// app/**/page.tsx); one that has no entry here fails the spec until it is added.

/** Who may do what, from docs/product.md's role table. lib/permissions.ts must say the same. */
export const EXPECTED_ROLES: Record<Permission, readonly Role[]> = {
  "controls:read": ["ADMIN", "COMPLIANCE_LEAD", "ENGINEER", "AUDITOR"],
  "controls:write": ["ADMIN", "COMPLIANCE_LEAD"],
  "features:read": ["ADMIN", "COMPLIANCE_LEAD", "ENGINEER", "AUDITOR"],
  "features:write": ["ADMIN", "COMPLIANCE_LEAD"],
  "evidence:read": ["ADMIN", "COMPLIANCE_LEAD", "ENGINEER", "AUDITOR"],
  "evidence:write": ["ADMIN", "COMPLIANCE_LEAD", "ENGINEER"],
  "evidence:review": ["ADMIN", "COMPLIANCE_LEAD"],
  "periods:read": ["ADMIN", "COMPLIANCE_LEAD", "ENGINEER", "AUDITOR"],
  "periods:write": ["ADMIN", "COMPLIANCE_LEAD"],
  "changes:read": ["ADMIN", "COMPLIANCE_LEAD", "ENGINEER", "AUDITOR"],
  "changes:write": ["ADMIN", "COMPLIANCE_LEAD", "ENGINEER"],
  "vendors:read": ["ADMIN", "COMPLIANCE_LEAD", "ENGINEER", "AUDITOR"],
  "vendors:write": ["ADMIN", "COMPLIANCE_LEAD"],
  "access-reviews:read": ["ADMIN", "COMPLIANCE_LEAD", "ENGINEER", "AUDITOR"],
  "access-reviews:write": ["ADMIN", "COMPLIANCE_LEAD"],
  "access-reviews:decide": ["ADMIN", "COMPLIANCE_LEAD", "ENGINEER"],
  "audit-log:read": ["ADMIN", "COMPLIANCE_LEAD", "AUDITOR"],
  "users:manage": ["ADMIN"],
  "tokens:manage": ["ADMIN"],
  "settings:manage": ["ADMIN"],
};

/** Values for dynamic segments, so that every discovered route and page gets a real URL. */
export const PARAM_VALUES: Record<string, string> = {
  code: "AI-SEC-01",
  slug: "fixture-feature", // created by accounts.setup.ts
  "...nextauth": "session",
  id: "00000000-0000-4000-8000-00000000e71d", // evidence, created by accounts.setup.ts (route calls get their own)
  periodId: "00000000-0000-4000-8000-0000000a0d17", // an audit period, created by accounts.setup.ts
  vendorId: "00000000-0000-4000-8000-0000000c0001", // a carve-out sub-service organisation with one (retired) dependent feature, created by accounts.setup.ts
  packageItemId: "00000000-0000-4000-8000-0000000c0002", // the fixture vendor's SOC 2 report item (no evidence), created by accounts.setup.ts
  cuecId: "00000000-0000-4000-8000-0000000c0003", // a CUEC of the fixture vendor, created by accounts.setup.ts (route calls get their own)
  reviewId: "00000000-0000-4000-8000-0000000ac1e5", // a DRAFT access review, created by accounts.setup.ts (start calls get their own)
};

/** The fixture evidence file (accounts.setup.ts stores it); per-call evidence reuses its bytes. */
export const FIXTURE_EVIDENCE_BYTES = "Attest fixture evidence: a quarterly access review worksheet.\n";
export const FIXTURE_EVIDENCE_SHA256 = createHash("sha256").update(FIXTURE_EVIDENCE_BYTES).digest("hex");

/**
 * A unique tag per call, and the user the user-management actions act on (created by the spec),
 * re-read before each call so that a body always asks for a real change; likewise an active API
 * token for the revoke action (a new one once the last was revoked).
 */
export interface CallContext {
  tag: string;
  target: { id: string; role: Role; disabled: boolean };
  token: { id: string };
  evidence: { id: string };
  /** A fresh piece of submitted evidence uploaded by someone else, which the caller may review (nobody reviews their own). */
  reviewable: { id: string };
  period: { id: string };
  /** A fresh DRAFT access review with one item assigned to the lead (start, remove and assign act on it). */
  review: { id: string; itemId: string };
  /** A fresh access review in progress, one item assigned to the caller (a session's user) and decided "revoke". */
  accessReview: { reviewId: string; itemId: string };
  /** A fresh CUEC of the fixture vendor (a carve-out), with a control, for the CUEC edits and removal. */
  cuec: { id: string };
}

/** AI-AVL-03 evidence awaiting review (accounts.setup.ts), which the incident-record action marks and unmarks. */
export const FIXTURE_INCIDENT_EVIDENCE_ID = "00000000-0000-4000-8000-0000000a1a03";

/** A signed-off access review whose record is the fixture evidence file (accounts.setup.ts), for GET .../record. */
export const FIXTURE_SIGNED_OFF_REVIEW_ID = "00000000-0000-4000-8000-0000000b0001";

/**
 * Route handlers, "METHOD /path/as/in/app". `public` handlers answer anonymous callers. A mutating
 * handler gets a valid body, so that a refusal is the authorization check and not validation
 * (an allowed caller must get 2xx and change the database: the positive control).
 */
export const ROUTES: Record<
  string,
  // people: acts as a named person (an access-review decision, sign-off or follow-up), so API tokens are refused (403) even with the permission
  { access: Permission | "public"; body?: (c: CallContext) => unknown; people?: true }
> = {
  "GET /api/health": { access: "public" },
  "GET /api/v1/openapi.json": { access: "public" }, // describes the API, reveals no data
  "GET /api/auth/[...nextauth]": { access: "public" }, // next-auth: sign-in, session, CSRF
  "POST /api/auth/[...nextauth]": { access: "public" },
  "GET /api/v1/controls": { access: "controls:read" },
  "GET /api/v1/controls/[code]": { access: "controls:read" },
  "GET /api/v1/criteria": { access: "controls:read" },
  "PATCH /api/v1/controls/[code]": { access: "controls:write", body: (c) => ({ owner: `api ${c.tag}` }) },
  // Gap assessment, criteria, custom controls
  "GET /gap-assessment/export": { access: "controls:read" },
  "POST /api/v1/controls": {
    access: "controls:write",
    body: (c) => ({
      code: `CUSTOM-${c.tag}`.toUpperCase(),
      title: `Authz custom control ${c.tag}`,
      description: "Created by the authorization spec.",
      category: "SECURITY",
      criteria: ["CC6.1"],
      frequency: "QUARTERLY",
      expectedEvidence: "A quarterly record.",
    }),
  },
  // Mapping
  "PUT /api/v1/features/[slug]/controls/[code]": {
    access: "features:write",
    body: (c) => ({ applies: false, justification: `authz ${c.tag}` }),
  },
  // Audit log
  "GET /api/v1/audit-log": { access: "audit-log:read" },
  "GET /api/v1/audit-log/verify": { access: "audit-log:read" },
  // Inventory
  "GET /api/v1/features": { access: "features:read" }, // also ?format=csv, the export
  "POST /api/v1/features": {
    access: "features:write",
    body: (c) => ({
      slug: `authz-api-${c.tag}`,
      name: `Authz API ${c.tag}`,
      owner: "Authz",
      purpose: "Created by the authorization walk.",
      inputData: ["INTERNAL"],
      outputs: "Nothing anyone reads.",
      invokers: ["STAFF"],
      failureImpact: "LOW",
    }),
  },
  "GET /api/v1/features/[slug]": { access: "features:read" },
  "PATCH /api/v1/features/[slug]": { access: "features:write", body: (c) => ({ owner: `api ${c.tag}` }) },
  // Readiness: the dataset manifest (replaced whole, so every call writes) and the checks
  "GET /api/v1/features/[slug]/datasets": { access: "features:read" },
  "PUT /api/v1/features/[slug]/datasets": {
    access: "features:write",
    body: (c) => ({
      datasets: [
        { name: `Authz dataset ${c.tag}`, source: "Authorization walk", approvedBy: "Authz", approvedOn: "2026-01-15", piiRemoved: true },
      ],
    }),
  },
  "GET /api/v1/readiness": { access: "controls:read" },
  // Evidence ([id] is a fresh submitted evidence per call, uploaded by the caller)
  "GET /api/v1/evidence": { access: "evidence:read" },
  "POST /api/v1/evidence": {
    access: "evidence:write",
    body: (c) => ({
      multipart: {
        control: "AI-SEC-05",
        title: `Authz upload ${c.tag}`,
        effectiveDate: "2026-01-15",
        file: { name: "authz.txt", mimeType: "text/plain", buffer: Buffer.from(`authz ${c.tag}\n`) },
      },
    }),
  },
  "GET /api/v1/evidence/[id]": { access: "evidence:read" },
  "GET /api/v1/evidence/[id]/file": { access: "evidence:read" },
  // A review needs a named reviewer: tokens that act for no one are refused (segregation of duties); the evidence is another person's.
  "POST /api/v1/evidence/[id]/review": { access: "evidence:review", body: () => ({ decision: "accept" }), people: true },
  // Audit periods ([id] is the spec's own period; PUT renames it per call, so each call writes)
  "GET /api/v1/periods": { access: "periods:read" },
  "POST /api/v1/periods": {
    access: "periods:write",
    body: (c) => ({ name: `Authz period ${c.tag}`, type: "TYPE_II", start: "2026-01-01", end: "2026-12-31", categories: ["SECURITY"] }),
  },
  "GET /api/v1/periods/[id]": { access: "periods:read" },
  "GET /api/v1/periods/[id]/coverage": { access: "periods:read" },
  "GET /api/v1/periods/[id]/export": { access: "periods:read" },
  "PUT /api/v1/periods/[id]": {
    access: "periods:write",
    body: (c) => ({
      name: "authz period",
      type: "TYPE_II",
      start: "2026-01-01",
      end: `2026-12-${10 + (parseInt(c.tag.slice(0, 2), 16) % 20)}`,
      categories: ["SECURITY"],
    }),
  },
  "POST /api/v1/evidence/[id]/withdraw": { access: "evidence:write", body: (c) => ({ reason: `authz ${c.tag}` }) },
  // Model and prompt changes (a fresh commit and pull request per call: a duplicate would be refused)
  "GET /api/v1/changes": { access: "changes:read" },
  "POST /api/v1/changes": {
    access: "changes:write",
    body: (c) => ({
      kind: "PROMPT_CHANGE",
      title: `Authz change ${c.tag}`,
      commitSha: `a${c.tag}`,
      pullRequest: `https://github.com/acme/authz/pull/${parseInt(c.tag, 16)}`,
      mergedAt: "2026-01-15T10:00:00Z",
    }),
  },
  // Access-review decisions, sign-off, revocations, record (the call's own review and item, see CallContext)
  "POST /api/v1/access-reviews/[reviewId]/items/[itemId]/decision": {
    access: "access-reviews:decide",
    people: true,
    body: (c) => ({ decision: "keep", comment: `authz ${c.tag}` }),
  },
  "POST /api/v1/access-reviews/[reviewId]/items/[itemId]/revocation": {
    access: "access-reviews:decide",
    people: true,
    body: (c) => ({ doneOn: new Date().toISOString().slice(0, 10), note: `authz ${c.tag}` }),
  },
  "POST /api/v1/access-reviews/[reviewId]/sign-off": {
    access: "access-reviews:write",
    people: true,
    body: (c) => ({ statement: `authz ${c.tag}` }),
  },
  "GET /api/v1/access-reviews/[reviewId]/record": { access: "access-reviews:read" },
  // Access reviews ([reviewId] is the DRAFT fixture; start gets the call's own fresh draft)
  "GET /api/v1/access-reviews": { access: "access-reviews:read" },
  "POST /api/v1/access-reviews": {
    access: "access-reviews:write",
    body: (c) => ({
      name: `Authz access review ${c.tag}`,
      quarter: "2026-Q4",
      sameQuarterReason: `Authz: the fixture already covers 2026-Q4 (${c.tag})`,
    }),
  },
  "GET /api/v1/access-reviews/[reviewId]": { access: "access-reviews:read" },
  "POST /api/v1/access-reviews/[reviewId]/items": {
    access: "access-reviews:write",
    body: (c) => [{ principal: `authz-api-${c.tag}`, principalKind: "SERVICE", resource: "Authz resource", accessLevel: "read" }],
  },
  "POST /api/v1/access-reviews/[reviewId]/start": { access: "access-reviews:write" },
  // Vendors (the fixture vendor; each package link gets the call's own fresh evidence)
  "GET /api/v1/vendors": { access: "vendors:read" },
  "POST /api/v1/vendors": { access: "vendors:write", body: (c) => ({ name: `Authz vendor ${c.tag}`, dataRegion: "EU" }) },
  "GET /api/v1/vendors/[vendorId]": { access: "vendors:read" },
  "PATCH /api/v1/vendors/[vendorId]": { access: "vendors:write", body: (c) => ({ notes: `authz ${c.tag}` }) },
  "POST /api/v1/vendors/[vendorId]/package": {
    access: "vendors:write",
    body: (c) => ({ kind: "SOC2_REPORT", evidence: c.evidence.id, notes: `authz ${c.tag}` }),
  },
  // Sub-service organisations (the fixture vendor is a carve-out; [cuecId] is the call's own CUEC)
  "PATCH /api/v1/vendors/[vendorId]/package/[packageItemId]": {
    access: "vendors:write",
    body: (c) => ({ reportType: "TYPE_II", bridgeLetter: c.evidence.id }),
  },
  "POST /api/v1/vendors/[vendorId]/cuecs": {
    access: "vendors:write",
    body: (c) => ({ text: `Authz CUEC ${c.tag}`, control: "AI-SEC-01" }),
  },
  "PATCH /api/v1/vendors/[vendorId]/cuecs/[cuecId]": { access: "vendors:write", body: (c) => ({ text: `Authz CUEC reworded ${c.tag}` }) },
  "DELETE /api/v1/vendors/[vendorId]/cuecs/[cuecId]": { access: "vendors:write" },
};

/**
 * Server actions, "file#export". `setup-only` works only while no user exists, so it refuses
 * everyone here. The input is the form's fields, valid, so that an allowed call succeeds.
 * `readOnly` actions (a check, a report) must succeed for allowed callers and change nothing.
 */
export const ACTIONS: Record<
  string,
  { access: Permission | "setup-only"; input: (c: CallContext) => Record<string, string | string[]>; readOnly?: true } // arrays: repeated fields
> = {
  "app/(auth)/setup/actions.ts#createFirstAdmin": {
    access: "setup-only",
    input: (c) => ({ name: `Setup ${c.tag}`, email: `setup-${c.tag}@example.test`, password: "a long enough passphrase 42" }),
  },
  "app/(app)/controls/actions.ts#saveControlDesign": {
    access: "controls:write",
    input: (c) => ({ code: "AI-SEC-01", owner: `action ${c.tag}` }),
  },
  // Gap assessment, criteria, custom controls
  "app/(app)/controls/actions.ts#createCustomControlAction": {
    access: "controls:write",
    input: (c) => ({
      code: `CUSTOM-${c.tag}`.toUpperCase(),
      title: `Authz custom control ${c.tag}`,
      description: "Created by the authorization spec.",
      category: "SECURITY",
      criteria: "CC6.1", // several criteria: comma-separated, or the field repeated
      frequency: "QUARTERLY",
      expectedEvidence: "A quarterly record.",
    }),
  },
  // The guide's controls accept a criteria remap; AI-SEC-01's own mapping, so the shared data stays
  // as seeded (the save still writes: updatedAt and an audit entry).
  "app/(app)/controls/actions.ts#updateControlDefinitionAction": {
    access: "controls:write",
    input: () => ({ code: "AI-SEC-01", criteria: "CC6.1,CC6.3" }),
  },
  // Mapping
  "app/(app)/mapping/actions.ts#confirmMapping": {
    access: "features:write",
    input: (c) => ({ slug: "fixture-feature", code: "AI-AVL-01", applies: "false", justification: `authz ${c.tag}` }),
  },
  "app/(app)/mapping/actions.ts#bulkMapping": {
    access: "features:write",
    input: (c) => ({ slugs: "fixture-feature", category: "PRIVACY", decision: "not-applicable", justification: `authz ${c.tag}` }),
  },
  "app/(app)/settings/users/actions.ts#createUserAction": {
    access: "users:manage",
    input: (c) => ({
      name: `Authz ${c.tag}`,
      email: `authz-${c.tag}@example.test`,
      role: "AUDITOR",
      password: "a long enough passphrase 42",
    }),
  },
  "app/(app)/settings/users/actions.ts#changeRoleAction": {
    access: "users:manage",
    input: (c) => ({ userId: c.target.id, role: c.target.role === "ENGINEER" ? "AUDITOR" : "ENGINEER" }),
  },
  "app/(app)/settings/users/actions.ts#setDisabledAction": {
    access: "users:manage",
    input: (c) => ({ userId: c.target.id, disabled: String(!c.target.disabled) }),
  },
  // API tokens
  "app/(app)/settings/tokens/actions.ts#createTokenAction": {
    access: "tokens:manage",
    input: (c) => ({ name: `authz ${c.tag}`, role: "AUDITOR", scopes: ["controls:read", "audit-log:read"], expires: "30d" }),
  },
  "app/(app)/settings/tokens/actions.ts#revokeTokenAction": { access: "tokens:manage", input: (c) => ({ tokenId: c.token.id }) },
  // Organisation settings: every save writes (the setting's updatedAt and an audit entry); the zone stays UTC for other specs
  "app/(app)/settings/organisation/actions.ts#saveOrganisationAction": { access: "settings:manage", input: () => ({ timeZone: "UTC" }) },
  // Unticked: self-review stays off for other specs (every save writes an audit entry)
  "app/(app)/settings/organisation/actions.ts#saveSelfReviewAction": { access: "settings:manage", input: () => ({}) },
  // Evidence: the call's own fresh evidence, uploaded by the caller
  "app/(app)/evidence/actions.ts#reviewEvidenceAction": {
    access: "evidence:review",
    input: (c) => ({ id: c.reviewable.id, decision: "accept" }),
  },
  "app/(app)/evidence/actions.ts#withdrawEvidenceAction": {
    access: "evidence:write",
    input: (c) => ({ id: c.evidence.id, reason: `authz ${c.tag}` }),
  },
  // Audit periods
  "app/(app)/periods/actions.ts#createPeriodAction": {
    access: "periods:write",
    input: (c) => ({ name: `Authz period ${c.tag}`, type: "TYPE_II", start: "2026-01-01", end: "2026-12-31", categories: ["SECURITY"] }),
  },
  "app/(app)/periods/actions.ts#slotEvidenceAction": {
    access: "periods:read",
    // AI-SEC-05 (quarterly, never set not applicable by a spec) has slots in any window of the fixture period.
    input: () => ({ periodId: PARAM_VALUES.periodId, control: "AI-SEC-05", slot: "0" }),
    readOnly: true,
  },
  "app/(app)/periods/actions.ts#updatePeriodAction": {
    access: "periods:write",
    input: (c) => ({
      id: "00000000-0000-4000-8000-0000000a0d17",
      name: `Fixture period ${c.tag}`,
      type: "TYPE_I",
      start: "2026-06-30",
      categories: ["SECURITY"],
    }),
  },
  // Model and prompt changes (a fresh commit and pull request per call)
  "app/(app)/changes/actions.ts#createChangeAction": {
    access: "changes:write",
    input: (c) => ({ kind: "MODEL_UPGRADE", title: `Authz change ${c.tag}`, commitSha: `b${c.tag}`, mergedAt: "2026-01-15T10:00" }),
  },
  "app/(app)/changes/actions.ts#importChangesAction": {
    access: "changes:write",
    input: (c) => ({
      step: "commit",
      kind: "PROMPT_CHANGE",
      text: `title,pullRequest,commitSha,mergedAt\nAuthz import ${c.tag},,c${c.tag},2026-01-16T09:00:00Z\n`,
    }),
  },
  // Access reviews: the DRAFT fixture, or the call's own fresh draft (start, remove, assign)
  "app/(app)/access-reviews/actions.ts#createReviewAction": {
    access: "access-reviews:write",
    input: (c) => ({
      name: `Authz access review ${c.tag}`,
      quarter: "2026-Q4",
      resources: ["MODEL_API_KEY", "PROMPT_LOGS"],
      sameQuarterReason: `Authz: the fixture already covers 2026-Q4 (${c.tag})`,
    }),
  },
  "app/(app)/access-reviews/actions.ts#updateReviewAction": {
    access: "access-reviews:write",
    input: (c) => ({
      reviewId: PARAM_VALUES.reviewId,
      name: `Fixture access review ${c.tag}`,
      quarter: "2026-Q4",
      sameQuarterReason: `Authz: the fixture already covers 2026-Q4 (${c.tag})`,
    }),
  },
  "app/(app)/access-reviews/actions.ts#addItemAction": {
    access: "access-reviews:write",
    input: (c) => ({
      reviewId: PARAM_VALUES.reviewId,
      principal: `authz-${c.tag}`,
      principalKind: "SERVICE",
      resource: "Authz resource",
      resourceKind: "OTHER",
      accessLevel: "read",
    }),
  },
  "app/(app)/access-reviews/actions.ts#removeItemAction": {
    access: "access-reviews:write",
    input: (c) => ({ reviewId: c.review.id, itemId: c.review.itemId }),
  },
  "app/(app)/access-reviews/actions.ts#assignReviewerAction": {
    access: "access-reviews:write",
    input: (c) => ({ reviewId: c.review.id, reviewer: "engineer@example.test", scope: "selected", itemIds: c.review.itemId }),
  },
  "app/(app)/access-reviews/actions.ts#importItemsAction": {
    access: "access-reviews:write",
    input: (c) => ({
      reviewId: PARAM_VALUES.reviewId,
      fileName: "authz.csv",
      csv: `principal,resource,access\nauthz-import-${c.tag},Authz resource,read\n`,
      principal: "principal",
      principalKindDefault: "SERVICE",
      resource: "resource",
      accessLevel: "access",
    }),
  },
  "app/(app)/access-reviews/actions.ts#startReviewAction": { access: "access-reviews:write", input: (c) => ({ reviewId: c.review.id }) },
  // Access-review decisions, sign-off, revocations (the call's own review and item)
  "app/(app)/access-reviews/inbox/actions.ts#decideItemAction": {
    access: "access-reviews:decide",
    input: (c) => ({ reviewId: c.accessReview.reviewId, itemId: c.accessReview.itemId, decision: "keep", comment: `authz ${c.tag}` }),
  },
  "app/(app)/access-reviews/sign-off/actions.ts#signOffAction": {
    access: "access-reviews:write",
    input: (c) => ({ reviewId: c.accessReview.reviewId, statement: `authz ${c.tag}` }),
  },
  "app/(app)/access-reviews/sign-off/actions.ts#markRevocationDoneAction": {
    access: "access-reviews:decide",
    input: (c) => ({
      reviewId: c.accessReview.reviewId,
      itemId: c.accessReview.itemId,
      doneOn: new Date().toISOString().slice(0, 10),
      note: `authz ${c.tag}`,
    }),
  },
  // Audit log
  "app/(app)/audit-log/actions.ts#verifyChainAction": { access: "audit-log:read", input: () => ({}), readOnly: true },
  // Inventory
  "app/(app)/inventory/actions.ts#createFeatureAction": {
    access: "features:write",
    input: (c) => ({ ...FIXTURE_FORM, slug: `authz-action-${c.tag}`, name: `Authz action ${c.tag}` }),
  },
  "app/(app)/inventory/actions.ts#updateFeatureAction": {
    access: "features:write",
    input: (c) => ({ ...FIXTURE_FORM, slug: "fixture-feature", owner: `action ${c.tag}` }),
  },
  "app/(app)/inventory/actions.ts#setFeatureStatusAction": {
    access: "features:write",
    input: () => ({ slug: "fixture-feature", status: "ACTIVE" }), // stays active; the call still records itself
  },
  "app/(app)/inventory/actions.ts#importFeaturesAction": {
    access: "features:write",
    input: (c) => ({
      step: "commit",
      fileName: "authz.csv",
      csv: `slug,name,owner,purpose,inputData,outputs,invokers,failureImpact\nauthz-import-${c.tag},Authz import ${c.tag},Authz,Imported.,INTERNAL;PUBLIC,Nothing.,STAFF,LOW\n`,
    }),
  },
  // Readiness: the dataset manifest and the incident plan / tabletop marks
  "app/(app)/inventory/actions.ts#setDatasetsAction": {
    access: "features:write",
    input: (c) => ({
      slug: "fixture-feature",
      datasets: JSON.stringify([
        { name: `Authz dataset ${c.tag}`, source: "Authorization walk", approvedBy: "Authz", approvedOn: "2026-01-15", piiRemoved: false },
      ]),
    }),
  },
  "app/(app)/readiness/actions.ts#setIncidentRecordAction": {
    access: "evidence:review",
    // Alternates plan and tabletop by the tag, so that every call changes the row (and is audited).
    input: (c) => ({
      evidence: FIXTURE_INCIDENT_EVIDENCE_ID,
      kind: parseInt(c.tag.slice(-1), 16) % 2 ? "PLAN" : "TABLETOP",
      scenarios: "PROVIDER_OUTAGE",
    }),
  },
  // Vendors
  "app/(app)/vendors/actions.ts#createVendorAction": {
    access: "vendors:write",
    input: (c) => ({ name: `Authz vendor action ${c.tag}`, zeroRetention: "yes", trainingOptOut: "" }),
  },
  "app/(app)/vendors/actions.ts#updateVendorAction": {
    access: "vendors:write",
    input: (c) => ({ id: PARAM_VALUES.vendorId, name: "Fixture vendor", notes: `action ${c.tag}` }),
  },
  "app/(app)/vendors/actions.ts#recordVendorReviewAction": {
    access: "vendors:write",
    input: () => ({ id: PARAM_VALUES.vendorId, date: "2026-01-15" }), // the same date again; the review is still recorded (audited)
  },
  "app/(app)/vendors/actions.ts#setFallbackStrategyAction": {
    access: "vendors:write",
    input: (c) => ({ id: PARAM_VALUES.vendorId, feature: "fixture-vendor-feature", fallbackStrategy: `Fail over, ${c.tag}` }),
  },
  "app/(app)/vendors/actions.ts#linkPackageItemAction": {
    access: "vendors:write",
    input: (c) => ({ id: PARAM_VALUES.vendorId, kind: "SOC2_REPORT", evidence: c.evidence.id }),
  },
  "app/(app)/vendors/actions.ts#setVendorScopeAction": {
    access: "vendors:write",
    input: () => ({ id: PARAM_VALUES.vendorId, scope: "CARVE_OUT" }), // stays a carve-out; the call still records itself
  },
  "app/(app)/vendors/actions.ts#addCuecAction": {
    access: "vendors:write",
    input: (c) => ({ id: PARAM_VALUES.vendorId, text: `Authz CUEC action ${c.tag}`, control: "AI-SEC-01" }),
  },
  "app/(app)/vendors/actions.ts#linkCuecControlAction": {
    access: "vendors:write",
    input: (c) => ({ id: PARAM_VALUES.vendorId, cuec: c.cuec.id, control: "AI-SEC-05" }),
  },
  "app/(app)/vendors/actions.ts#removeCuecAction": {
    access: "vendors:write",
    input: (c) => ({ id: PARAM_VALUES.vendorId, cuec: c.cuec.id }),
  },
  "app/(app)/vendors/actions.ts#recordSoc2ReportAction": {
    access: "vendors:write",
    input: (c) => ({ id: PARAM_VALUES.vendorId, item: PARAM_VALUES.packageItemId, reportType: "TYPE_II", bridgeLetter: c.evidence.id }),
  },
};

/** The fixture feature's answers as the inventory form sends them (checkbox groups repeat). */
const FIXTURE_FORM = {
  name: "Fixture feature",
  owner: "Test team",
  status: "ACTIVE",
  purpose: "Summarises internal tickets.",
  inputData: ["INTERNAL"],
  outputs: "A summary shown to staff.",
  invokers: ["STAFF"], // the fixture's own answers, so that other specs' suggestions stay as they were
  vendors: "[]",
  failureImpact: "LOW",
};

/**
 * Pages, by URL pattern. `public`: open to anyone; `setup-only`: sends everyone to sign-in once a
 * user exists; `signed-in`: any role; a permission: roles without it are sent to /forbidden.
 */
export const PAGES: Record<string, Permission | "public" | "setup-only" | "signed-in"> = {
  "/signin": "public",
  "/setup": "setup-only",
  "/": "signed-in",
  "/forbidden": "signed-in",
  "/controls": "controls:read",
  "/controls/[code]": "controls:read",
  // Gap assessment, criteria, custom controls
  "/controls/new": "controls:write",
  "/controls/[code]/edit": "controls:write",
  "/gap-assessment": "controls:read",
  "/criteria": "controls:read",
  "/settings/users": "users:manage",
  "/settings/tokens": "tokens:manage",
  "/settings/organisation": "settings:manage",
  "/dashboard": "controls:read",
  "/readiness": "controls:read",
  "/readiness/incident-response": "evidence:review",
  "/mapping": "features:read", // Mapping
  // Evidence
  "/evidence": "evidence:read",
  "/evidence/upload": "evidence:write",
  "/evidence/review": "evidence:review",
  "/evidence/[id]": "evidence:read",
  // Audit periods
  "/periods": "periods:read",
  "/periods/new": "periods:write",
  "/periods/[periodId]": "periods:read",
  "/periods/[periodId]/edit": "periods:write",
  // Model and prompt changes
  "/changes": "changes:read",
  "/changes/new": "changes:write",
  "/changes/import": "changes:write",
  // Access-review decisions, sign-off, revocations
  "/access-reviews/inbox": "access-reviews:decide",
  "/access-reviews/revocations": "access-reviews:read",
  "/access-reviews/[reviewId]/record": "access-reviews:read",
  // Audit log
  "/audit-log": "audit-log:read",
  // Inventory
  "/inventory": "features:read",
  "/inventory/new": "features:write",
  "/inventory/import": "features:write",
  "/inventory/[slug]": "features:read",
  "/inventory/[slug]/edit": "features:write",
  // Vendors
  "/vendors": "vendors:read",
  "/vendors/new": "vendors:write",
  "/vendors/[vendorId]": "vendors:read",
  "/vendors/[vendorId]/edit": "vendors:write",
  // Access reviews
  "/access-reviews": "access-reviews:read",
  "/access-reviews/new": "access-reviews:write",
  "/access-reviews/[reviewId]": "access-reviews:read",
  "/access-reviews/[reviewId]/edit": "access-reviews:write",
  "/access-reviews/[reviewId]/import": "access-reviews:write",
};
