"use client";

import { useCallback, useRef, useState, type KeyboardEvent } from "react";
import type { HeatmapRow } from "@/lib/periods/heatmap";
import { HeatmapDetail } from "@/components/periods/heatmap-detail";
import { COVERAGE_STATUS_LABELS, percent, slotDays, slotName } from "@/components/periods/heatmap-labels";
import styles from "@/components/periods/heatmap.module.css";

// The coverage heatmap: one row per in-scope control, each a strip of its own slots (frequencies
// differ, so there are no shared columns). A cell is as wide as its slot is long; per-event slots
// are one equal cell each. Each strip is one tab stop; the arrow keys move along it.

interface Selection {
  row: number;
  slot: number;
}

export function CoverageHeatmap({
  periodId,
  rows,
  evidenceTitles,
  canUpload,
}: {
  periodId: string;
  rows: HeatmapRow[];
  evidenceTitles: Record<string, string>;
  /** Whether the viewer may open the upload page: an auditor is told what is missing, with no upload button. */
  canUpload: boolean;
}) {
  const [selected, setSelected] = useState<Selection | null>(null);
  const opener = useRef<HTMLButtonElement | null>(null);

  const close = useCallback(() => {
    setSelected(null);
    opener.current?.focus();
  }, []);

  const moveAlongStrip = (event: KeyboardEvent<HTMLButtonElement>) => {
    const cells = [...(event.currentTarget.parentElement?.querySelectorAll("button") ?? [])];
    const at = cells.indexOf(event.currentTarget);
    const to = { ArrowRight: at + 1, ArrowLeft: at - 1, Home: 0, End: cells.length - 1 }[event.key];
    if (to === undefined) return;
    event.preventDefault();
    cells[Math.max(0, Math.min(cells.length - 1, to))]?.focus();
  };

  return (
    <>
      <table className={styles.heatmap} aria-label="Coverage heatmap">
        <thead>
          <tr>
            <th scope="col">Control</th>
            <th scope="col">Status</th>
            <th scope="col">Coverage</th>
            <th scope="col">Slots</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row, r) => (
            <tr key={row.control} data-control={row.control}>
              <th scope="row" className={styles.control}>
                <span className={styles.code}>{row.control}</span> <span className={styles.title}>{row.title}</span>
              </th>
              <td>
                <span className={`badge ${styles[`status_${row.status}`]}`}>{COVERAGE_STATUS_LABELS[row.status]}</span>
              </td>
              <td className={styles.percent}>{percent(row.coverage)}</td>
              <td className={styles.stripCell}>
                {row.slots.length === 0 ? (
                  <span className={styles.noSlots}>{row.status === "NOT_APPLICABLE" ? "Not applicable" : "No slots in this period"}</span>
                ) : (
                  <div className={styles.strip}>
                    {row.slots.map((slot, s) => {
                      const isSelected = selected?.row === r && selected.slot === s;
                      return (
                        <button
                          key={`${slot.start}-${slot.change ?? s}`}
                          type="button"
                          tabIndex={s === 0 ? 0 : -1}
                          className={`${styles.cell} ${styles[slot.state]} ${isSelected ? styles.selected : ""}`}
                          style={{ flexGrow: row.frequency === "PER_EVENT" ? 1 : slotDays(slot) }}
                          aria-label={slotName(row.control, slot)}
                          aria-pressed={isSelected}
                          title={slotName(row.control, slot)}
                          onKeyDown={moveAlongStrip}
                          onClick={(event) => {
                            opener.current = event.currentTarget;
                            setSelected(isSelected ? null : { row: r, slot: s });
                          }}
                        />
                      );
                    })}
                  </div>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {selected && (
        <HeatmapDetail
          periodId={periodId}
          row={rows[selected.row]}
          index={selected.slot}
          evidenceTitles={evidenceTitles}
          canUpload={canUpload}
          onClose={close}
        />
      )}
    </>
  );
}
