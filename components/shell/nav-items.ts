import { can, type Permission, type RoleName } from "@/lib/permissions";

// The sections of the signed-in shell, in order. A section joins this list when its page exists.
const SECTIONS: { href: string; label: string; permission: Permission }[] = [
  { href: "/inventory", label: "Inventory", permission: "features:read" },
  { href: "/mapping", label: "Mapping", permission: "features:read" },
  { href: "/controls", label: "Controls", permission: "controls:read" },
  { href: "/gap-assessment", label: "Gap assessment", permission: "controls:read" },
  { href: "/criteria", label: "Criteria", permission: "controls:read" },
  { href: "/audit-log", label: "Audit log", permission: "audit-log:read" },
  { href: "/settings/users", label: "Users", permission: "users:manage" },
];

export function navItemsFor(role: RoleName) {
  return SECTIONS.filter((s) => can(role, s.permission)).map(({ href, label }) => ({ href, label }));
}
