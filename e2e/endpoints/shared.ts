import { createHash } from "node:crypto";
import type { Permission } from "../../lib/permissions";
import type { Role } from "../support";

// What e2e/endpoints.ts gathers from the domain files beside this one: the permission table,
// the fixtures' ids, the call context and the shape of each domain's entries.

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
  // An exception every "authz lockable" period has (CallContext.lockable: 2020, Security; AI-SEC-05 is quarterly, no evidence then).
  exceptionId: "MISSING_SLOT:AI-SEC-05:2020-01-01",
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
  /** An unlocked "authz lockable" period (2020, Security) to lock or answer an exception of; a new one once the last was locked. */
  lockable: { id: string };
  /** A locked "authz lockable" period to unlock; a new one once the last was unlocked. */
  locked: { id: string };
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
 * (an allowed caller must get 2xx and change the database: the positive control). A body is JSON,
 * `{multipart: {...}}` (a form with a file), or `{text, contentType}` (a raw body: a CSV import).
 * people: acts as a named person (an access-review decision, sign-off or follow-up), so API tokens
 * are refused (403) even with the permission.
 */
export type RouteEntry = { access: Permission | "public"; body?: (c: CallContext) => unknown; people?: true };

/**
 * Server actions, "file#export". `setup-only` works only while no user exists, so it refuses
 * everyone here. The input is the form's fields, valid, so that an allowed call succeeds.
 * `readOnly` actions (a check, a report) must succeed for allowed callers and change nothing.
 */
export type ActionEntry = {
  access: Permission | "setup-only";
  input: (c: CallContext) => Record<string, string | string[]>; // arrays: repeated fields
  readOnly?: true;
};

/**
 * Pages, by URL pattern. `public`: open to anyone; `setup-only`: sends everyone to sign-in once a
 * user exists; `signed-in`: any role; a permission: roles without it get a 403 and the "Not allowed" page.
 */
export type PageAccess = Permission | "public" | "setup-only" | "signed-in";

/**
 * What an auditor whose one period holds none of the fixtures (SCOPED_AUDITOR in e2e/support.ts)
 * gets from each endpoint an auditor may use, keyed as in routes ("GET /api/..."), actions
 * ("file#export") and pages ("/pattern"): `sees` (a list, or something in their scope: 2xx, the
 * page renders, the action succeeds) or `404` (the fixture's period, evidence, file, access review
 * or feature does not exist for them: 404 with NOT_FOUND, the not-found page, the action's
 * NOT_FOUND). Endpoints an auditor may not use are refused as for any auditor and need no entry.
 */
export type ScopedExpectation = "sees" | 404;

/** One domain's share of the table (e2e/endpoints/<domain>.ts). */
export interface DomainEndpoints {
  routes: Record<string, RouteEntry>;
  actions: Record<string, ActionEntry>;
  pages: Record<string, PageAccess>;
  /** Every route, action and page an auditor may use, as a scoped auditor finds it (see ScopedExpectation). */
  scopedAuditor: Record<string, ScopedExpectation>;
}
