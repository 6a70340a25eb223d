import { type DomainEndpoints } from "./shared";

// Sign-in, first-run setup, users, API tokens, organisation settings and the API's own public routes.

export const platformEndpoints: DomainEndpoints = {
  routes: {
    "GET /api/health": { access: "public" },
    "GET /api/v1/openapi.json": { access: "public" }, // describes the API, reveals no data
    "GET /api/auth/[...nextauth]": { access: "public" }, // next-auth: sign-in, session, CSRF
    "POST /api/auth/[...nextauth]": { access: "public" },
  },
  actions: {
    "app/(auth)/setup/actions.ts#createFirstAdmin": {
      access: "setup-only",
      input: (c) => ({ name: `Setup ${c.tag}`, email: `setup-${c.tag}@example.test`, password: "a long enough passphrase 42" }),
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
    // A new name each call (the tag), so that an allowed call changes the row and writes an audit entry
    "app/(app)/settings/users/actions.ts#renameUserAction": {
      access: "users:manage",
      input: (c) => ({ userId: c.target.id, name: `Authz Target ${c.tag}` }),
    },
    // Every reset writes: a new hash (a new salt) and a higher sessionVersion, with its audit entry
    "app/(app)/settings/users/actions.ts#resetPasswordAction": {
      access: "users:manage",
      input: (c) => ({ userId: c.target.id, password: "a new long enough passphrase 42" }),
    },
    "app/(app)/settings/tokens/actions.ts#createTokenAction": {
      access: "tokens:manage",
      input: (c) => ({ name: `authz ${c.tag}`, role: "COMPLIANCE_LEAD", scopes: ["controls:read", "audit-log:read"], expires: "30d" }),
    },
    "app/(app)/settings/tokens/actions.ts#revokeTokenAction": { access: "tokens:manage", input: (c) => ({ tokenId: c.token.id }) },
    // Organisation settings: every save writes (the setting's updatedAt and an audit entry); the zone stays UTC for other specs
    "app/(app)/settings/organisation/actions.ts#saveOrganisationAction": { access: "settings:manage", input: () => ({ timeZone: "UTC" }) },
    // Unticked: self-review stays off for other specs (every save writes an audit entry)
    "app/(app)/settings/organisation/actions.ts#saveSelfReviewAction": { access: "settings:manage", input: () => ({}) },
  },
  pages: {
    "/signin": "public",
    "/setup": "setup-only",
    "/": "signed-in",
    // Any signed-in caller gets the "Not allowed" page here, with a 403 (the walk knows this address).
    "/forbidden": "signed-in",
    "/settings/users": "users:manage",
    "/settings/tokens": "tokens:manage",
    "/settings/organisation": "settings:manage",
    "/dashboard": "controls:read",
  },
  scopedAuditor: {
    "/": "sees",
    "/forbidden": "sees",
    "/dashboard": "sees",
  },
};
