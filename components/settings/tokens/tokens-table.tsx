import { RevokeTokenButton } from "@/components/settings/tokens/revoke-token-button";
import { ROLE_LABELS } from "@/lib/permissions";
import type { TokenRow } from "@/lib/tokens/queries";

const utc = (d: Date) => d.toISOString().replace("T", " ").slice(0, 16) + " UTC";

const STATE_BADGE = {
  active: <span className="badge IN_PLACE">Active</span>,
  expired: <span className="badge PARTIAL">Expired</span>,
  revoked: <span className="badge MISSING">Revoked</span>,
  // A person's token works only while they are enabled and keep the role they made it with.
  "creator-disabled": <span className="badge MISSING">Creator disabled</span>,
  "creator-role-changed": <span className="badge MISSING">Creator&apos;s role changed</span>,
  // A token acting for a person works only while that person is enabled and keeps its role.
  "user-disabled": <span className="badge MISSING">Person disabled</span>,
  "user-role-changed": <span className="badge MISSING">Person&apos;s role changed</span>,
};

/** Every token with what an admin needs to decide whether to keep it; the secret is never here. */
export function TokensTable({ tokens }: { tokens: TokenRow[] }) {
  return (
    <table className="data" aria-label="API tokens">
      <thead>
        <tr>
          <th>Name</th>
          <th>Prefix</th>
          <th>Role</th>
          <th>Acts for</th>
          <th>Scopes</th>
          <th>Created</th>
          <th>Expires</th>
          <th>Last used</th>
          <th>State</th>
          <th>Actions</th>
        </tr>
      </thead>
      <tbody>
        {tokens.map((t) => (
          <tr key={t.id} data-token-id={t.id}>
            <td>{t.name}</td>
            <td>
              <code>{t.prefix}…</code>
            </td>
            <td>{ROLE_LABELS[t.role]}</td>
            <td>
              {t.user ? (
                t.user.name
              ) : (
                <span className="muted" title="It cannot accept or reject evidence: a review needs a named reviewer.">
                  No one
                </span>
              )}
            </td>
            <td>{t.scopes.length ? t.scopes.join(", ") : <span className="muted">All of the role&apos;s</span>}</td>
            <td>
              {utc(t.createdAt)}
              <br />
              <span className="muted">by {t.createdBy ? t.createdBy.name : "the command line"}</span>
            </td>
            <td>{t.expiresAt ? utc(t.expiresAt) : "Never"}</td>
            <td>{t.lastUsedAt ? utc(t.lastUsedAt) : "Never"}</td>
            <td>{STATE_BADGE[t.state]}</td>
            <td>
              <RevokeTokenButton tokenId={t.id} name={t.name} prefix={t.prefix} revoked={t.state === "revoked"} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
