"use client";

import { quarterBesideName } from "@/lib/access-reviews/title";
import Link from "next/link";
import { useEffect, useRef, useState } from "react";
import { slotEvidenceAction } from "@/app/(app)/periods/actions";
import type { CoverageSlot } from "@/lib/coverage/types";
import type { HeatmapRow, SlotEvidence } from "@/lib/periods/heatmap";
import { SLOT_STATE_LABELS, slotDates } from "@/components/periods/heatmap-labels";
import styles from "@/components/periods/heatmap.module.css";

// What one heatmap cell stands for: the evidence that covers it, or what is missing and where to
// upload it. A non-modal panel: it takes focus when it opens, and Escape or Close hands focus back.

type Loaded = { for: string; evidence?: SlotEvidence[]; error?: string };

/**
 * The evidence of a covered slot: listed in the page for per-event and validity slots; for a
 * calendar slot (the page carries only whether it is covered) loaded when the cell is opened.
 */
function useSlotEvidence(
  periodId: string,
  row: HeatmapRow,
  index: number,
  slot: CoverageSlot,
  titles: Record<string, string>,
): Loaded | null {
  const key = `${row.control} ${index}`;
  const listed = slot.evidence.length > 0 || slot.state !== "COVERED";
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  useEffect(() => {
    if (listed) return;
    let current = true;
    slotEvidenceAction(null, { periodId, control: row.control, slot: index })
      .then((result) => {
        if (!current) return;
        setLoaded(result.ok ? { for: key, evidence: result.data ?? [] } : { for: key, error: result.error.message });
      })
      .catch(
        () => current && setLoaded({ for: key, error: "The evidence could not be loaded. Check your connection and open the cell again." }),
      );
    return () => {
      current = false;
    };
  }, [listed, periodId, row.control, index, key]);
  if (listed) return { for: key, evidence: slot.evidence.map((id) => ({ id, title: titles[id] ?? id, accessReview: null })) };
  return loaded?.for === key ? loaded : null;
}

export function HeatmapDetail({
  periodId,
  row,
  index,
  evidenceTitles,
  canUpload,
  onClose,
}: {
  periodId: string;
  row: HeatmapRow;
  canUpload: boolean;
  /** The slot's position in the row's slots. */
  index: number;
  evidenceTitles: Record<string, string>;
  onClose: () => void;
}) {
  const slot = row.slots[index];
  const evidence = useSlotEvidence(periodId, row, index, slot, evidenceTitles);
  const panel = useRef<HTMLElement>(null);
  useEffect(() => {
    panel.current?.focus();
  }, [slot]);
  useEffect(() => {
    const onKey = (event: globalThis.KeyboardEvent) => {
      if (event.key === "Escape") onClose();
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, [onClose]);

  const perEvent = row.frequency === "PER_EVENT";
  const upload = `/evidence/upload?control=${encodeURIComponent(row.control)}`;
  return (
    <section ref={panel} className={`card ${styles.detail}`} role="dialog" aria-labelledby="slot-detail-heading" tabIndex={-1}>
      <div className={styles.detailHeader}>
        <h2 id="slot-detail-heading">
          {row.control}, {slotDates(slot)}
        </h2>
        <button type="button" className="button secondary" onClick={onClose}>
          Close
        </button>
      </div>
      <p className={styles.detailTitle}>{row.title}</p>
      <dl className={styles.detailFacts}>
        <dt>Dates</dt>
        <dd>{slotDates(slot)}</dd>
        <dt>State</dt>
        <dd>
          <span className={`${styles.swatch} ${styles[slot.state]}`} aria-hidden="true" /> {SLOT_STATE_LABELS[slot.state]}
        </dd>
        {slot.change && (
          <>
            <dt>Change</dt>
            <dd>
              <code>{slot.change}</code>
            </dd>
          </>
        )}
      </dl>
      {slot.state === "COVERED" && (
        <>
          <h3>Covered by</h3>
          {!evidence ? (
            <p role="status">Loading the evidence…</p>
          ) : evidence.error ? (
            <p className="alert error" role="alert">
              {evidence.error}
            </p>
          ) : (
            <ul>
              {evidence.evidence?.map((e) => (
                <li key={e.id}>
                  <Link href={`/evidence/${e.id}`}>{e.title}</Link>
                  {e.accessReview && (
                    <p className="muted" data-testid="slot-access-review">
                      Access review “{e.accessReview.name}”
                      {quarterBesideName(e.accessReview.name, e.accessReview.quarter) ? ` for ${e.accessReview.quarter}` : ""}
                      {e.accessReview.performedIn ? `, performed in ${e.accessReview.performedIn}` : ""}.
                      {e.accessReview.late && (
                        <>
                          {" "}
                          <span className="badge LATE">Late</span> Signed off after {e.accessReview.quarter} ended: it counts for this slot,
                          not for {e.accessReview.quarter}.
                        </>
                      )}
                    </p>
                  )}
                </li>
              ))}
            </ul>
          )}
        </>
      )}
      {(slot.state === "MISSING" || slot.state === "NOT_YET_DUE") && (
        <>
          <h3>{slot.state === "MISSING" ? "What is missing" : "What is due"}</h3>
          <p>
            {perEvent
              ? "Accepted evaluation evidence that names this change's commit or pull request."
              : slot.missingVendors?.length
                ? `A valid accepted document of ${row.control} for each vendor in use without one, filed on the vendor's page as its package item:`
                : `Accepted evidence of ${row.control} with an effective date from ${slot.start} to ${slot.end}.`}
          </p>
          {slot.missingVendors && slot.missingVendors.length > 0 && (
            <ul data-testid="slot-missing-vendors">
              {slot.missingVendors.map((vendor) => (
                <li key={vendor}>{vendor}</li>
              ))}
            </ul>
          )}
          <p className={styles.expected}>
            <strong>Expected evidence:</strong> {row.expectedEvidence || "—"}
          </p>
          {canUpload && (
            <p>
              <Link className="button" href={upload}>
                Upload evidence for {row.control}
              </Link>
            </p>
          )}
        </>
      )}
      {slot.state === "NOT_IN_OPERATION" && (
        <p>Before the control operated: a Type II attests only from that date, so this slot does not count.</p>
      )}
    </section>
  );
}
