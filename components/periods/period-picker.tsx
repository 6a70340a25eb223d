import type { PeriodJson } from "@/lib/periods/service";

/**
 * A plain GET form that reloads `action` with `?period=<id>`: the audit-period choice of the
 * criteria and readiness pages (no script needed; keyed so a new selection resets the select).
 */
export function PeriodPicker({ action, periods, selected }: { action: string; periods: PeriodJson[]; selected?: string }) {
  return (
    <form key={selected} className="toolbar" method="get" action={action} aria-label="Choose an audit period">
      <PeriodSelect periods={periods} selected={selected} />
      <button type="submit">Show</button>
    </form>
  );
}

/** The labelled audit-period select alone, for a GET form that carries other filters too (the controls matrix). */
export function PeriodSelect({ periods, selected }: { periods: PeriodJson[]; selected?: string }) {
  return (
    <div className="field">
      <label htmlFor="period">Audit period</label>
      <select id="period" name="period" defaultValue={selected ?? periods[0]?.id}>
        {periods.map((p) => (
          <option key={p.id} value={p.id}>
            {p.name} ({p.start} to {p.end})
          </option>
        ))}
      </select>
    </div>
  );
}
