import { credentialFacts } from "@/lib/access-reviews/credential-facts";
import { CREDENTIAL_FLAG_LABELS, type CredentialFlagName, type IamCredentials } from "@/lib/access-reviews/iam-credentials";

// What the credential report said about an item's principal: its flags as badges, and one line per
// credential with its age at the import. No hooks: the items table (client) and the inbox (server) share it.

const SEVERE: readonly CredentialFlagName[] = ["ROOT_ACCOUNT", "NO_MFA_WITH_CONSOLE"];

export function CredentialFlags({ flags }: { flags: readonly CredentialFlagName[] }) {
  if (flags.length === 0) return null;
  return (
    <span className="credential-flags" data-testid="credential-flags">
      {flags.map((f) => (
        <span key={f} className={`badge ${SEVERE.includes(f) ? "MISSING" : "PARTIAL"}`} data-flag={f}>
          {CREDENTIAL_FLAG_LABELS[f]}
        </span>
      ))}
    </span>
  );
}

export interface CredentialData {
  credentials: IamCredentials | null;
  credentialsAsOf: string | null;
  flags: CredentialFlagName[];
}

/** The facts, one line per credential, with the time they were judged at; nothing for items with no report behind them. */
export function CredentialDetails({ item }: { item: CredentialData }) {
  if (!item.credentials || !item.credentialsAsOf) return null;
  const asOf = new Date(item.credentialsAsOf);
  return (
    <ul className="credential-facts" data-testid="credential-facts">
      {credentialFacts(item.credentials, asOf).map((f) => (
        <li key={f.label}>
          <span className="muted">{f.label}:</span> {f.value}
        </li>
      ))}
      <li className="muted">
        As of the import, {item.credentialsAsOf.slice(0, 16).replace("T", " ")} UTC (the flags&apos; reference time).
      </li>
    </ul>
  );
}
