import type { Permission } from "../lib/permissions";
import type { Role } from "./support";

// The expected-permission table that e2e/authorization.spec.ts checks every endpoint against.
// The spec discovers the endpoints itself (app/**/route.ts, the build's server-action manifest,
// app/**/page.tsx); one that has no entry here fails the spec until it is added.

/** Who may do what, from PRODUCT.md's role table. lib/permissions.ts must say the same. */
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
  "audit-log:read": ["ADMIN", "COMPLIANCE_LEAD", "AUDITOR"],
  "users:manage": ["ADMIN"],
  "tokens:manage": ["ADMIN"],
  "settings:manage": ["ADMIN"],
};

/** Values for dynamic segments, so that every discovered route and page gets a real URL. */
export const PARAM_VALUES: Record<string, string> = {
  code: "AI-SEC-01",
  "...nextauth": "session",
};

/**
 * A unique tag per call, and the user the user-management actions act on (created by the spec),
 * re-read before each call so that a body always asks for a real change.
 */
export interface CallContext {
  tag: string;
  target: { id: string; role: Role; disabled: boolean };
}

/**
 * Route handlers, "METHOD /path/as/in/app". `public` handlers answer anonymous callers. A mutating
 * handler gets a valid body, so that a refusal is the authorization check and not validation
 * (an allowed caller must get 2xx and change the database: the positive control).
 */
export const ROUTES: Record<string, { access: Permission | "public"; body?: (c: CallContext) => unknown }> = {
  "GET /api/health": { access: "public" },
  "GET /api/auth/[...nextauth]": { access: "public" }, // next-auth: sign-in, session, CSRF
  "POST /api/auth/[...nextauth]": { access: "public" },
  "GET /api/v1/controls": { access: "controls:read" },
  "GET /api/v1/controls/[code]": { access: "controls:read" },
  "PATCH /api/v1/controls/[code]": { access: "controls:write", body: (c) => ({ owner: `api ${c.tag}` }) },
};

/**
 * Server actions, "file#export". `setup-only` works only while no user exists, so it refuses
 * everyone here. The input is the form's fields, valid, so that an allowed call succeeds.
 */
export const ACTIONS: Record<string, { access: Permission | "setup-only"; input: (c: CallContext) => Record<string, string> }> = {
  "app/(auth)/setup/actions.ts#createFirstAdmin": {
    access: "setup-only",
    input: (c) => ({ name: `Setup ${c.tag}`, email: `setup-${c.tag}@example.test`, password: "a long enough passphrase 42" }),
  },
  "app/(app)/controls/actions.ts#saveControlDesign": {
    access: "controls:write",
    input: (c) => ({ code: "AI-SEC-01", owner: `action ${c.tag}` }),
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
  "/settings/users": "users:manage",
};
