/**
 * A wide table's own horizontal scroll, so that the page never scrolls sideways (issue 14): a
 * labelled region that takes focus, so that keyboard users can scroll it with the arrow keys.
 */
export function TableScroll({ label, className, children }: { label: string; className?: string; children: React.ReactNode }) {
  return (
    <div className={className ? `table-scroll ${className}` : "table-scroll"} role="region" aria-label={label} tabIndex={0}>
      {children}
    </div>
  );
}
