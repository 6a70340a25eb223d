import Link from "next/link";
import type { CoverageSlot, CoverageStatus } from "@/lib/coverage/types";
import type { NextSlotDue } from "@/lib/coverage/next-due";
import { PeriodPicker } from "@/components/periods/period-picker";
import type { PeriodJson } from "@/lib/periods/service";
import { COVERAGE_STATUS_LABELS, SLOT_STATE_LABELS, percent } from "@/components/periods/heatmap-labels";

// A control's slots in one audit period: each slot's window, whether it is covered, and the
// accepted evidence that covers it (docs/coverage.md, "The controls matrix").

type Slot = Omit<CoverageSlot, "evidence"> & { evidence: { id: string; title: string }[] };

interface Props {
  code: string;
  frequency: string;
  period: PeriodJson;
  periods: PeriodJson[];
  item: { status: CoverageStatus; covered: number; expected: number; coverage: number | null; slots: Slot[] } | null;
  nextDue: NextSlotDue | null;
  asOf: string | null;
  locked: { lockedAt: string } | null;
}

const acceptedEvidenceHref = (control: string, from: string, to: string) =>
  `/evidence?${new URLSearchParams({ control, status: "ACCEPTED", from, to })}`;

export function ControlPeriodSlots({ code, frequency, period, periods, item, nextDue, asOf, locked }: Props) {
  const unit = frequency === "VALIDITY" ? "days" : "slots";
  return (
    <section aria-labelledby="slots-heading">
      <h2 id="slots-heading">Slots in {period.name}</h2>
      {periods.length > 1 && <PeriodPicker action={`/controls/${encodeURIComponent(code)}`} periods={periods} selected={period.id} />}
      {!item ? (
        <div className="card empty">This period does not measure {code}: its category is not in the period&apos;s scope.</div>
      ) : (
        <>
          <p className="muted" data-testid="control-period-status">
            <span className={`badge ${item.status}`}>{COVERAGE_STATUS_LABELS[item.status]}</span> · {item.covered} of {item.expected} {unit}{" "}
            covered ({percent(item.coverage)}) · next slot due {nextDue ? `${nextDue.due}` : "none"} ·{" "}
            {locked ? `frozen as of the period's lock on ${locked.lockedAt.slice(0, 10)}` : `as of ${asOf}`} ·{" "}
            <Link href={`/periods/${period.id}`}>the period&apos;s coverage</Link>
          </p>
          {item.slots.length === 0 ? (
            <div className="card empty">No slots: the control is not applicable.</div>
          ) : (
            <table className="data" aria-label={`Slots of ${code} in ${period.name}`}>
              <thead>
                <tr>
                  <th scope="col">Start</th>
                  <th scope="col">End</th>
                  {frequency === "PER_EVENT" && <th scope="col">Change</th>}
                  <th scope="col">State</th>
                  <th scope="col">Evidence</th>
                </tr>
              </thead>
              <tbody>
                {item.slots.map((slot, i) => (
                  <tr key={i} data-state={slot.state}>
                    <td>{slot.start}</td>
                    <td>{slot.end}</td>
                    {frequency === "PER_EVENT" && (
                      <td>
                        <code>{slot.change}</code>
                      </td>
                    )}
                    <td>{SLOT_STATE_LABELS[slot.state]}</td>
                    <td>
                      {slot.missingVendors?.length ? (
                        <span>Missing for {slot.missingVendors.join(", ")}</span>
                      ) : slot.evidence.length > 0 ? (
                        slot.evidence.map((e, j) => (
                          <span key={e.id}>
                            {j > 0 && ", "}
                            <Link href={`/evidence/${e.id}`}>{e.title}</Link>
                          </span>
                        ))
                      ) : slot.state === "COVERED" ? (
                        // A locked period's snapshot keeps only that a calendar slot is covered.
                        <Link href={acceptedEvidenceHref(code, slot.start, slot.end)}>Accepted evidence dated in the slot</Link>
                      ) : (
                        "—"
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </>
      )}
    </section>
  );
}
