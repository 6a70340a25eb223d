import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

// Whether a caller may act is principal.may(permission) (lib/auth/principal.ts), which applies a
// token's scopes: a role alone says too much (a lead's token narrowed to evidence:write once
// withdrew others' evidence that way). lib/lint-guards.test.ts proves these fire;
// docs/security/tokens.md explains them.
const PRINCIPAL_ROLE_READS = [
  {
    // principal.role, caller.role, apiCaller.role, ...
    selector: "MemberExpression[property.name='role'][object.name=/(principal|caller)$/i]",
    message: "A principal's role is not what it may do (a token's scopes narrow it): use principal.may(permission).",
  },
  {
    // principal.user.role, caller.actor.role: the person's role and the audit log's snapshot.
    selector:
      "MemberExpression[property.name='role'][object.type='MemberExpression'][object.property.name=/^(user|actor)$/][object.object.name=/(principal|caller)$/i]",
    message:
      "principal.user.role and principal.actor.role are for display and the audit log; whether the caller may act is principal.may(permission).",
  },
];

const PERMISSION_MAP_CALLS = {
  selector: "CallExpression[callee.name=/^(can|tokenCan)$/]",
  message:
    "Ask the caller, not the role: principal.may(permission) (from requirePage(), currentPrincipal(), action() or apiRoute()), or a rule in lib/<domain>/ that takes the Principal. can() and tokenCan() belong to lib/permissions.ts and lib/auth/principal.ts.",
};

const config = [
  ...nextVitals,
  ...nextTs,
  {
    ignores: [
      "node_modules/**",
      ".next/**",
      ".next-*/**",
      "lib/generated/**",
      "data/**",
      "test-results*/**",
      "playwright-report/**",
      "next-env.d.ts",
    ],
  },
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  {
    // The server's code and its components; the e2e specs' own Caller type has a role on purpose.
    files: ["app/**", "lib/**", "scripts/**", "components/**"],
    rules: { "no-restricted-syntax": ["error", ...PRINCIPAL_ROLE_READS, PERMISSION_MAP_CALLS] },
  },
  {
    // The permission map itself and the Principal built on it answer may() with can()/tokenCan();
    // the map's own unit test checks can() and tokenCan() directly.
    files: ["lib/permissions.ts", "lib/auth/principal.ts", "lib/permissions.test.ts"],
    rules: { "no-restricted-syntax": ["error", ...PRINCIPAL_ROLE_READS] },
  },
  {
    // Pages, actions, route handlers and components read and write through lib/<domain>/ (queries.ts,
    // service.ts): the database client and Prisma's generated types stay behind it
    // (docs/architecture.md, "Layers"). lib/lint-guards.test.ts proves this fires.
    files: ["app/**", "components/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              regex: "^(@/lib/db|@/lib/generated|@prisma/client)(/.*)?$|^\\.{1,2}/(.*/)?lib/(db|generated)(/.*)?$",
              message:
                "Nothing under app/ or components/ talks to the database: read through lib/<domain>/queries.ts, write through lib/<domain>/service.ts, and take enums from lib/validations.",
            },
          ],
        },
      ],
    },
  },
];

export default config;
