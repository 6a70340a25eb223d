// One permission map decides both what the server allows and what the UI shows.
// Server actions and route handlers check it themselves; hiding a button is never the check.
export const ROLES = ["ADMIN", "COMPLIANCE_LEAD", "ENGINEER", "AUDITOR"] as const;
export type RoleName = (typeof ROLES)[number];

const ALL: readonly RoleName[] = ROLES;
const LEADS: readonly RoleName[] = ["ADMIN", "COMPLIANCE_LEAD"];

export const PERMISSIONS = {
  "controls:read": ALL,
  "controls:write": LEADS,
  "features:read": ALL,
  "features:write": LEADS,
  "evidence:read": ALL,
  "evidence:write": ["ADMIN", "COMPLIANCE_LEAD", "ENGINEER"],
  "evidence:review": LEADS,
  "periods:read": ALL,
  "periods:write": LEADS,
  "changes:read": ALL,
  "changes:write": ["ADMIN", "COMPLIANCE_LEAD", "ENGINEER"],
  "vendors:read": ALL,
  "vendors:write": LEADS,
  "access-reviews:read": ALL,
  "access-reviews:write": LEADS,
  // Deciding the items assigned to you; the server also checks that the item is yours.
  "access-reviews:decide": ["ADMIN", "COMPLIANCE_LEAD", "ENGINEER"],
  "audit-log:read": ["ADMIN", "COMPLIANCE_LEAD", "AUDITOR"],
  "users:manage": ["ADMIN"],
  "tokens:manage": ["ADMIN"],
  "settings:manage": ["ADMIN"],
} as const satisfies Record<string, readonly RoleName[]>;

export type Permission = keyof typeof PERMISSIONS;

export const ROLE_LABELS: Record<RoleName, string> = {
  ADMIN: "Admin",
  COMPLIANCE_LEAD: "Compliance lead",
  ENGINEER: "Engineer",
  AUDITOR: "Auditor",
};

export function can(role: RoleName | null | undefined, permission: Permission): boolean {
  if (!role) return false;
  return (PERMISSIONS[permission] as readonly RoleName[]).includes(role);
}

/** A token may be narrowed to scopes; with no scopes it acts with its role's permissions. */
export function tokenCan(role: RoleName, scopes: readonly string[], permission: Permission): boolean {
  if (!can(role, permission)) return false;
  if (scopes.length === 0) return true;
  const [resource] = permission.split(":");
  return scopes.includes(permission) || scopes.includes(`${resource}:*`);
}

export function isPermission(value: string): value is Permission {
  return Object.hasOwn(PERMISSIONS, value);
}
