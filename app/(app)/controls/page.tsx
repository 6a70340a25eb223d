import { scopeOf } from "@/lib/auth/scope";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { z } from "zod";
import { requirePage } from "@/lib/auth/guard";
import { mayFollow } from "@/lib/auth/page-access";
import { listControls } from "@/lib/controls/queries";
import { controlsPeriodStatus, periodInView } from "@/lib/controls/period-status";
import { AppError } from "@/lib/errors";
import { ControlsTable } from "@/components/controls/controls-table";
import type { MatrixRow } from "@/components/controls/controls-table-columns";
import { OPERATING_FILTERS, OPERATING_LABELS, OPERATING_RANK } from "@/components/controls/operating-status";
import { CATEGORIES, CATEGORY_LABELS, DESIGN_STATUSES, DESIGN_STATUS_LABELS } from "@/lib/validations/control";
import { Options } from "@/components/ui/options";
import { PeriodSelect } from "@/components/periods/period-picker";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Controls" };

const filtersSchema = z.object({
  category: z.enum(CATEGORIES).optional().catch(undefined),
  status: z.enum(DESIGN_STATUSES).optional().catch(undefined),
  operating: z.enum(OPERATING_FILTERS).optional().catch(undefined),
  q: z.string().max(200).optional().catch(undefined),
  // A period asked for by id: one that is malformed, unknown or not the caller's is a 404 (never another period's figures).
  period: z.string().optional().catch(undefined),
});

/** The period in view, or a 404 for a requested one the caller may not see. */
async function inView(principal: Awaited<ReturnType<typeof requirePage>>, requested: string | undefined) {
  if (requested !== undefined && !z.uuid().safeParse(requested).success) notFound();
  try {
    return await periodInView(principal, requested);
  } catch (error) {
    if (error instanceof AppError && error.code === "NOT_FOUND") notFound();
    throw error;
  }
}

export default async function ControlsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const principal = await requirePage("controls:read");
  const filters = filtersSchema.parse(await searchParams);
  const scope = await scopeOf(principal);
  const { periods, period, today } = await inView(principal, filters.period);
  const [controls, status] = await Promise.all([
    listControls({ category: filters.category, designStatus: filters.status, q: filters.q }, scope),
    period ? controlsPeriodStatus(period.id, today, scope) : null,
  ]);
  const href = (code: string) => `/controls/${encodeURIComponent(code)}${filters.period ? `?period=${filters.period}` : ""}`;
  const rows: MatrixRow[] = controls
    .map((c): MatrixRow => {
      if (!status) return { ...c, href: href(c.code) };
      const s = status.byControl.get(c.code);
      const operating = s?.status ?? "OUT_OF_PERIOD";
      return {
        ...c,
        href: href(c.code),
        operating,
        operatingRank: OPERATING_RANK[operating],
        coverage: s?.coverage ?? undefined,
        covered: s?.covered,
        expected: s?.expected,
        lastAccepted: s?.lastAccepted ?? undefined,
        lastAcceptedDate: s?.lastAccepted?.effectiveDate,
        nextDue: s?.nextDue?.due,
        nextDueSlot: s?.nextDue ? `Slot ${s.nextDue.start} to ${s.nextDue.end}` : undefined,
      };
    })
    .filter((row) => !status || !filters.operating || row.operating === filters.operating);
  const filtered = Boolean(filters.category || filters.status || filters.q || (status && filters.operating));
  return (
    <>
      <h1>Controls</h1>
      {principal.may("controls:write") && (
        <p>
          <Link className="button" href="/controls/new">
            New control
          </Link>
        </p>
      )}
      <p className="lede">
        The controls matrix: the guide&apos;s AI controls and your own, the criteria each supports, their design status from the gap
        assessment and, for the audit period shown, how each operates.
      </p>
      {/* Keyed on the filters: the fields are uncontrolled, so a navigation that changes the URL
          (Clear, back) must remount them, or the selects would keep showing the old filter. */}
      <form key={JSON.stringify(filters)} className="toolbar" method="get" role="search" aria-label="Filter controls">
        <div className="field">
          <label htmlFor="q">Search</label>
          <input id="q" name="q" type="search" defaultValue={filters.q ?? ""} placeholder="Code, title, owner…" />
        </div>
        <div className="field">
          <label htmlFor="category">Category</label>
          <select id="category" name="category" defaultValue={filters.category ?? ""}>
            <option value="">All categories</option>
            <Options values={CATEGORIES} labels={CATEGORY_LABELS} />
          </select>
        </div>
        <div className="field">
          <label htmlFor="status">Design status</label>
          <select id="status" name="status" defaultValue={filters.status ?? ""}>
            <option value="">All statuses</option>
            <Options values={DESIGN_STATUSES} labels={DESIGN_STATUS_LABELS} />
          </select>
        </div>
        {period && (
          <>
            <PeriodSelect periods={periods} selected={period.id} />
            <div className="field">
              <label htmlFor="operating">Operating status</label>
              <select id="operating" name="operating" defaultValue={filters.operating ?? ""}>
                <option value="">All statuses</option>
                <Options values={OPERATING_FILTERS} labels={OPERATING_LABELS} />
              </select>
            </div>
          </>
        )}
        <button type="submit">Apply</button>
        {(filtered || filters.period) && (
          <Link className="button secondary" href="/controls">
            Clear
          </Link>
        )}
      </form>
      {period && status ? (
        <p className="muted" data-testid="period-in-view">
          Operating status in <Link href={`/periods/${period.id}`}>{period.name}</Link> ({period.start} to {period.end}
          {period.end < today ? ", ended" : period.start > today ? ", not started" : ""}),{" "}
          {status.locked ? `frozen as of its lock on ${status.locked.lockedAt.slice(0, 10)}` : `as of ${status.asOf}`}. Next slot due is the
          last day on which the next slot still without accepted evidence can be met.
        </p>
      ) : (
        principal.may("periods:read") && (
          <p className="muted" data-testid="period-in-view">
            No audit period yet: operating status is measured against a period.
            {mayFollow(principal, "/periods/new") && (
              <>
                {" "}
                <Link href="/periods/new">Create one</Link>.
              </>
            )}
          </p>
        )
      )}
      <p className="muted" aria-live="polite">
        {rows.length} control{rows.length === 1 ? "" : "s"}
        {filtered ? " match" : ""}
      </p>
      <ControlsTable rows={rows} withPeriod={Boolean(status)} />
    </>
  );
}
