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

/**
 * Whether a role has a permission. Callers are asked principal.may(permission) (lib/auth/principal.ts),
 * which also applies a token's scopes; eslint refuses can() and tokenCan() elsewhere.
 */
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

/** The roles that have a permission: who may be assigned work that needs it, listed in one place. */
export function rolesWith(permission: Permission): RoleName[] {
  return ROLES.filter((role) => can(role, permission));
}

/** The roles that read everything and change nothing: those an audit period is given to (its auditors). */
export function readOnlyRoles(): RoleName[] {
  const all = Object.keys(PERMISSIONS) as Permission[];
  return ROLES.filter((role) => all.every((permission) => can(role, permission) === permission.endsWith(":read")));
}

/**
 * The scopes a role lacks: a token's scopes only narrow its role, so these are refused when it is
 * made. A wildcard `resource:*` (the command line's) is beyond the role when the role has no
 * permission on that resource at all: it would grant nothing, and reads as if it granted everything.
 */
export function scopesBeyondRole(role: RoleName, scopes: readonly string[]): string[] {
  return scopes.filter((scope) => {
    if (isPermission(scope)) return !can(role, scope);
    const wildcard = /^([a-z-]+):\*$/.exec(scope);
    if (!wildcard) return false; // not a scope at all: the schemas refuse it as such

    return !(Object.keys(PERMISSIONS) as Permission[]).some((p) => p.startsWith(`${wildcard[1]}:`) && can(role, p));
  });
}

export function isPermission(value: string): value is Permission {
  return Object.hasOwn(PERMISSIONS, value);
}
