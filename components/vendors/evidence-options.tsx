/** Evidence already uploaded (submitted or accepted) that a vendor form can link: a package item, a bridge letter. */
export interface EvidenceChoice {
  id: string;
  title: string;
  status: string;
  control: string;
}

/** The <option>s of such a choice: title, control and review state. */
export function EvidenceOptions({ evidence }: { evidence: readonly EvidenceChoice[] }) {
  return evidence.map((e) => (
    <option key={e.id} value={e.id}>
      {e.title} ({e.control}, {e.status === "ACCEPTED" ? "accepted" : "awaiting review"})
    </option>
  ));
}
