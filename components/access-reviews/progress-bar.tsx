/** Access review progress: a native <progress> with its label, "N of M decided" (or another label). */
export function ProgressBar({ done, total, label }: { done: number; total: number; label?: string }) {
  const text = label ?? `${done} of ${total} decided`;
  const percent = total === 0 ? 0 : Math.round((done / total) * 100);
  return (
    <div className="progress-bar">
      <progress value={done} max={Math.max(total, 1)} aria-label={text} aria-valuenow={done} aria-valuemax={total} aria-valuemin={0}>
        {percent}%
      </progress>
      <span>
        {text}
        {total > 0 ? ` (${percent}%)` : ""}
      </span>
    </div>
  );
}
