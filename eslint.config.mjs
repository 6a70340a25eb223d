import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

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
    // The server's code; the e2e specs' own Caller type has a role on purpose.
    files: ["app/**", "lib/**", "scripts/**"],
    rules: {
      // An API caller may be a token narrowed by its scopes: its role alone says too much (a lead's
      // token narrowed to evidence:write once withdrew others' evidence that way). Ask caller.may(...).
      // lib/lint-guards.test.ts proves these fire; docs/security/tokens.md explains them.
      "no-restricted-syntax": [
        "error",
        {
          selector:
            "CallExpression[callee.name=/^(can|tokenCan)$/] > MemberExpression.arguments[property.name='role'][object.name=/caller/i]",
          message: "A token's role is not what it may do: use caller.may(permission), which also applies the token's scopes.",
        },
        {
          selector: "MemberExpression[property.name='role'][object.name=/caller/i]",
          message:
            "An API caller's role ignores a token's scopes: use caller.may(permission) (caller.actor.role is for the audit log only).",
        },
        {
          selector:
            "CallExpression[callee.name=/^(can|tokenCan)$/] > MemberExpression.arguments[property.name='role'][object.property.name='actor']",
          message: "An actor's role is for the audit log; whether the caller may act is caller.may(permission).",
        },
      ],
    },
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
