import Link from "next/link";
import type { DueSlot, ExpiringEvidence } from "@/lib/dashboard/queries";

/** The current period's slots that end within 30 days and have no accepted evidence yet. */
export function DueSlotsList({ slots }: { slots: DueSlot[] }) {
  if (slots.length === 0) return <p className="muted">No slot of the current period falls due in the next 30 days.</p>;
  return (
    <table className="data" aria-label="Slots falling due in the next 30 days">
      <thead>
        <tr>
          <th scope="col">Control</th>
          <th scope="col">Title</th>
          <th scope="col">Slot</th>
          <th scope="col">Due</th>
        </tr>
      </thead>
      <tbody>
        {slots.map((s) => (
          <tr key={`${s.control}-${s.start}`}>
            <td>
              <Link href={`/controls/${encodeURIComponent(s.control)}`}>{s.control}</Link>
            </td>
            <td>{s.title}</td>
            <td>
              {s.start} – {s.end}
            </td>
            <td>{s.end}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Accepted evidence whose validity ends within 60 days: documents to renew. */
export function ExpiringList({ evidence }: { evidence: ExpiringEvidence[] }) {
  if (evidence.length === 0) return <p className="muted">No accepted document expires in the next 60 days.</p>;
  return (
    <table className="data" aria-label="Documents expiring in the next 60 days">
      <thead>
        <tr>
          <th scope="col">Evidence</th>
          <th scope="col">Control</th>
          <th scope="col">Valid until</th>
        </tr>
      </thead>
      <tbody>
        {evidence.map((e) => (
          <tr key={e.id}>
            <td>
              <Link href={`/evidence/${e.id}`}>{e.title}</Link>
            </td>
            <td>
              <Link href={`/evidence?control=${encodeURIComponent(e.control)}`}>{e.control}</Link>
            </td>
            <td>{e.validUntil}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
