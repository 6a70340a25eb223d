import Link from "next/link";
import type { PeriodSample } from "@/lib/sampling/types";
import { CHANGE_KIND_LABELS } from "@/lib/validations/change";
import { EVIDENCE_STATUS_LABELS } from "@/lib/validations/evidence";
import { SLOT_STATE_LABELS } from "@/components/periods/heatmap-labels";

// The drawn members in draw order, each with its rank and the start of its draw key (the CSV has
// the whole key), linked to what an auditor opens next: the evidence, or what is on file for a slot.

const evidenceInSlotHref = (control: string, from: string, to: string) => `/evidence?${new URLSearchParams({ control, from, to })}`;

const Key = ({ value }: { value: string }) => <code title={value}>{value.slice(0, 12)}…</code>;

export function SampleTable({ sample }: { sample: PeriodSample }) {
  const head = (...columns: string[]) => (
    <thead>
      <tr>
        <th scope="col">Rank</th>
        <th scope="col">Draw key</th>
        {columns.map((c) => (
          <th key={c} scope="col">
            {c}
          </th>
        ))}
      </tr>
    </thead>
  );
  switch (sample.kind) {
    case "slots":
      return (
        <table className="data" aria-label="Sampled slots">
          {head("Control", "Slot", "State", "Evidence")}
          <tbody>
            {sample.draw.sample.map(({ rank, key, member: m }) => (
              <tr key={m.id}>
                <td>{rank}</td>
                <td>
                  <Key value={key} />
                </td>
                <td>{m.control}</td>
                <td>
                  <Link href={evidenceInSlotHref(m.control, m.start, m.end)}>{m.start === m.end ? m.start : `${m.start} to ${m.end}`}</Link>
                  {m.change && <div className="muted">change {m.change}</div>}
                </td>
                <td>{SLOT_STATE_LABELS[m.state]}</td>
                <td>
                  {m.evidence.length === 0
                    ? "—"
                    : m.evidence.map((id, i) => (
                        <span key={id}>
                          {i > 0 && ", "}
                          <Link href={`/evidence/${id}`}>{id.slice(0, 8)}</Link>
                        </span>
                      ))}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      );
    case "evidence":
      return (
        <table className="data" aria-label="Sampled evidence">
          {head("Control", "Title", "Effective", "Status", "Version")}
          <tbody>
            {sample.draw.sample.map(({ rank, key, member: m }) => (
              <tr key={m.id}>
                <td>{rank}</td>
                <td>
                  <Key value={key} />
                </td>
                <td>{m.control}</td>
                <td>
                  <Link href={`/evidence/${m.id}`}>{m.title}</Link>
                </td>
                <td>{m.effectiveDate}</td>
                <td>
                  <span className={`badge ${m.status}`}>{EVIDENCE_STATUS_LABELS[m.status]}</span>
                </td>
                <td>{m.version}</td>
              </tr>
            ))}
          </tbody>
        </table>
      );
    case "changes":
      return (
        <table className="data" aria-label="Sampled changes">
          {head("Title", "Kind", "Feature", "Merged", "Commit", "Pull request")}
          <tbody>
            {sample.draw.sample.map(({ rank, key, member: m }) => (
              <tr key={m.id}>
                <td>{rank}</td>
                <td>
                  <Key value={key} />
                </td>
                <td>{m.title}</td>
                <td>{CHANGE_KIND_LABELS[m.kind]}</td>
                <td>{m.feature ?? "—"}</td>
                <td>{m.mergedAt}</td>
                <td>{m.commitSha ? <code>{m.commitSha.slice(0, 12)}</code> : "—"}</td>
                <td>{m.pullRequest ?? "—"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      );
  }
}
