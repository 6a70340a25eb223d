import type { Actor } from "@/lib/audit-log/append";
import { can, readOnlyRoles, tokenCan, type Permission, type RoleName } from "@/lib/permissions";

/**
 * Who is calling, in one shape for every entry point: server actions and route handlers build it
 * (lib/actions.ts, lib/api/route.ts), CLI scripts build theirs, and every domain function takes it.
 * Authorization asks `may()`, never the role: a token's scopes narrow what its role allows.
 */
export interface Principal {
  /** How the audit log names the caller. */
  actor: Actor;
  /** The person: the signed-in user, or the person a token acts for; null for a token acting for nobody and for the system. */
  user: { id: string; email: string; name: string; role: RoleName } | null;
  /** The API token the call came with, if any. */
  token: { id: string; name: string; scopes: readonly string[] } | null;
  /** The role whose permissions apply (a token's own role). Not for authorization: use may(). */
  role: RoleName | null;
  /** Whether the caller may do this (a token: its role narrowed by its scopes). */
  may(permission: Permission): boolean;
  /**
   * The audit periods the caller may see: "all", or the ids an auditor is given (lib/auth/scope.ts
   * narrows every query by them). Only a read-only role (an auditor) is scoped.
   */
  periods: "all" | readonly string[];
}

export interface PrincipalUser {
  id: string;
  email: string;
  name: string;
  role: RoleName;
}

/** A caller who is a named person: the signed-in user of a server action or page. */
export type UserPrincipal = Principal & { user: NonNullable<Principal["user"]> };

/**
 * The periods a role sees: every one, except for a read-only role (an auditor), who sees the
 * periods given to them and, given none, nothing.
 */
export function periodsFor(role: RoleName | null, given: readonly string[] | undefined): "all" | readonly string[] {
  return role && readOnlyRoles().includes(role) ? (given ?? []) : "all";
}

/** A signed-in person in the browser; `periods`: the audit periods an auditor is given. */
export function userPrincipal(user: PrincipalUser, periods?: readonly string[]): UserPrincipal {
  return {
    actor: { kind: "user", id: user.id, email: user.email, role: user.role },
    user: { id: user.id, email: user.email, name: user.name, role: user.role },
    token: null,
    role: user.role,
    may: (permission) => can(user.role, permission),
    periods: periodsFor(user.role, periods),
  };
}

export interface PrincipalToken {
  id: string;
  name: string;
  role: RoleName;
  scopes: readonly string[];
  /** The person the token acts for, if any: its uploads and reviews are theirs. */
  user: { id: string; email: string; name: string } | null;
  /** The periods given to the token's person, when the token's role is an auditor's: the token carries their scope. */
  periods?: readonly string[];
}

/** An API token: acts with its role narrowed by its scopes; for its person when it has one, else as itself. */
export function tokenPrincipal(token: PrincipalToken): Principal {
  return {
    actor: token.user
      ? { kind: "user", id: token.user.id, email: token.user.email, role: token.role }
      : { kind: "token", id: token.id, email: `token:${token.name}`, role: token.role },
    user: token.user ? { id: token.user.id, email: token.user.email, name: token.user.name, role: token.role } : null,
    token: { id: token.id, name: token.name, scopes: token.scopes },
    role: token.role,
    may: (permission) => tokenCan(token.role, token.scopes, permission),
    periods: periodsFor(token.role, token.user ? token.periods : []),
  };
}

/** The installation itself: may everything, named "system" in the log. Only the command line's principal is built from it. */
const SYSTEM_PRINCIPAL: Principal = {
  actor: { kind: "system", id: null, email: null, role: null },
  user: null,
  token: null,
  role: null,
  may: () => true,
  periods: "all",
};

/**
 * A command-line script run on the server (user:create, token:create, the demo loader): it may
 * everything, like the system, and the audit log names the command ("cli:token:create").
 */
export function cliPrincipal(command: string): Principal {
  return { ...SYSTEM_PRINCIPAL, actor: { ...SYSTEM_PRINCIPAL.actor, email: `cli:${command}` } };
}
