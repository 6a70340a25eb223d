import { daysBetween, reportedTime, type IamCredentials, type ReportedTime } from "@/lib/access-reviews/iam-credentials";

// The credential facts as a reviewer reads them, one line per credential, each time with its age
// at the import (the flags' reference time). Pure, shared by the access review page and the inbox.

export interface CredentialFact {
  label: string;
  value: string;
}

const WORDS: Record<string, string> = {
  "N/A": "never",
  no_information: "no use recorded (not tracked by AWS)",
  not_supported: "not reported by AWS",
};

/** "2026-11-25 (12 days before the import)", or what AWS's word means. */
export function describeTime(value: ReportedTime, asOf: Date): string {
  const t = reportedTime(value);
  if (!t) return WORDS[value] ?? value;
  const days = daysBetween(t, asOf);
  return `${t.toISOString().slice(0, 10)} (${days <= 0 ? "the day of the import" : `${days} day${days === 1 ? "" : "s"} before the import`})`;
}

export function credentialFacts(c: IamCredentials, asOf: Date): CredentialFact[] {
  const consoleValue = c.root
    ? c.console.access
      ? `root sign-in, last used ${describeTime(c.console.lastUsed, asOf)}`
      : `no sign-in recorded (AWS does not report the root password)`
    : c.console.passwordEnabled === "true"
      ? `password enabled, last used ${describeTime(c.console.lastUsed, asOf)}`
      : "no password";
  const facts: CredentialFact[] = [
    { label: "Console", value: consoleValue },
    { label: "MFA", value: c.mfaActive ? "active" : "not active" },
  ];
  for (const k of c.accessKeys) {
    if (!k.active && !reportedTime(k.lastRotated)) continue;
    const used = reportedTime(k.lastUsed)
      ? `last used ${describeTime(k.lastUsed, asOf)}${k.lastUsedService !== "N/A" ? ` by ${k.lastUsedService}` : ""}${k.lastUsedRegion !== "N/A" ? ` in ${k.lastUsedRegion}` : ""}`
      : `last used ${describeTime(k.lastUsed, asOf)}`;
    facts.push({
      label: `Access key ${k.slot}`,
      value: `${k.active ? "active" : "inactive"}, created or rotated ${describeTime(k.lastRotated, asOf)}, ${used}`,
    });
  }
  for (const cert of c.certificates) {
    if (!cert.active && !reportedTime(cert.lastRotated)) continue;
    facts.push({
      label: `Certificate ${cert.slot}`,
      value: `${cert.active ? "active" : "inactive"}, rotated ${describeTime(cert.lastRotated, asOf)}`,
    });
  }
  facts.push({ label: "Created", value: describeTime(c.userCreationTime, asOf) });
  return facts;
}
