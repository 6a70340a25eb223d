import { SLOT_STATES } from "@/lib/coverage/types";
import { SLOT_STATE_LABELS } from "@/components/periods/heatmap-labels";
import styles from "@/components/periods/heatmap.module.css";

export function HeatmapLegend() {
  return (
    <ul className={styles.legend} aria-label="Legend">
      {SLOT_STATES.map((state) => (
        <li key={state}>
          <span className={`${styles.swatch} ${styles[state]}`} aria-hidden="true" />
          {SLOT_STATE_LABELS[state]}
        </li>
      ))}
    </ul>
  );
}
