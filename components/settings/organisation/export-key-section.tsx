import { exportSigningKey, publicKeyFingerprint } from "@/lib/export/signing-key";

// Read-only: the public half of the key that signs every auditor package (lib/export/signing-key.ts).
// An admin hands it to the auditors by a channel other than the package itself, so that a package
// re-signed with some other key is refused by `verify-package --public-key` (docs/auditors.md).
export function ExportKeySection() {
  const key = exportSigningKey();
  return (
    <section aria-labelledby="export-key-heading">
      <h2 id="export-key-heading">Export signing key</h2>
      <p>
        Every auditor package (Audit periods → Export package) carries <code>manifest.sig</code>, an Ed25519 signature by this
        installation&apos;s key, which is derived from the audit key (back up <code>secrets.json</code> or keep{" "}
        <code>ATTEST_AUDIT_KEY</code>). Send auditors this public key yourself, not inside the package, and check its fingerprint with them.
      </p>
      <div className="card" style={{ maxWidth: 640 }}>
        <dl className="facts">
          <dt>Algorithm</dt>
          <dd>Ed25519</dd>
          <dt>SHA-256 fingerprint</dt>
          <dd>
            <code data-testid="export-key-fingerprint" style={{ wordBreak: "break-all" }}>
              {publicKeyFingerprint(key.publicKey)}
            </code>
          </dd>
        </dl>
        <label htmlFor="export-public-key">Public key (PEM)</label>
        <textarea id="export-public-key" readOnly rows={3} value={key.publicKeyPem} style={{ width: "100%", fontFamily: "monospace" }} />
      </div>
    </section>
  );
}
