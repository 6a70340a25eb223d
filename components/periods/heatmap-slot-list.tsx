import Link from "next/link";
import type { HeatmapRow } from "@/lib/periods/heatmap";
import { COVERAGE_STATUS_LABELS, SLOT_STATE_LABELS, percent } from "@/components/periods/heatmap-labels";
import styles from "@/components/periods/heatmap.module.css";

// Every slot of every control as text, one collapsed section per control: what the heatmap
// shows in colour, readable without it (and printable for an auditor).

const acceptedEvidenceHref = (control: string, from: string, to: string) =>
  `/evidence?${new URLSearchParams({ control, status: "ACCEPTED", from, to })}`;

export function HeatmapSlotList({ rows, evidenceTitles }: { rows: HeatmapRow[]; evidenceTitles: Record<string, string> }) {
  return (
    <div className={styles.slotList}>
      {rows.map((row) => (
        <details key={row.control}>
          <summary>
            <strong>{row.control}</strong> {row.title}: {COVERAGE_STATUS_LABELS[row.status]}, {row.covered} of {row.expected}{" "}
            {row.frequency === "VALIDITY" ? "days" : "slots"} covered ({percent(row.coverage)})
          </summary>
          {row.slots.length === 0 ? (
            <p className="muted">No slots.</p>
          ) : (
            <table className="data" aria-label={`Slots of ${row.control}`}>
              <thead>
                <tr>
                  <th scope="col">Start</th>
                  <th scope="col">End</th>
                  {row.frequency === "PER_EVENT" && <th scope="col">Change</th>}
                  <th scope="col">State</th>
                  <th scope="col">Evidence</th>
                </tr>
              </thead>
              <tbody>
                {row.slots.map((slot, i) => (
                  <tr key={i}>
                    <td>{slot.start}</td>
                    <td>{slot.end}</td>
                    {row.frequency === "PER_EVENT" && (
                      <td>
                        <code>{slot.change}</code>
                      </td>
                    )}
                    <td>{SLOT_STATE_LABELS[slot.state]}</td>
                    <td>
                      {slot.state === "COVERED" && slot.evidence.length === 0 ? (
                        // A calendar slot: the page carries only that it is covered (see lib/periods/heatmap.ts).
                        <Link href={acceptedEvidenceHref(row.control, slot.start, slot.end)}>Accepted evidence dated in the slot</Link>
                      ) : slot.missingVendors?.length ? (
                        <span data-missing-vendors={slot.missingVendors.join(",")}>Missing for {slot.missingVendors.join(", ")}</span>
                      ) : slot.evidence.length === 0 ? (
                        "—"
                      ) : (
                        slot.evidence.map((id, j) => (
                          <span key={id}>
                            {j > 0 && ", "}
                            <Link href={`/evidence/${id}`}>{evidenceTitles[id] ?? id}</Link>
                          </span>
                        ))
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </details>
      ))}
    </div>
  );
}
