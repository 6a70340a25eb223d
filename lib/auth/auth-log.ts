import { logEvent } from "@/lib/log";

// Sign-in and setup events as structured server logs: one JSON line each on stdout, for whatever
// collects the server's output. Failures and throttling go here only (the audit log records what
// changed, and a failed guess changes nothing); a successful sign-in is also in the audit log.
export type AuthEvent =
  | "signin.success"
  | "signin.failure"
  | "signin.throttled"
  | "signin.busy"
  | "signin.refused"
  | "setup.code_rejected"
  | "setup.throttled"
  | "setup.completed";

export function logAuthEvent(event: AuthEvent, fields: Record<string, string | number | null | undefined>): void {
  logEvent(event, fields);
}
