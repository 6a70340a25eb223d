import { scopeOf } from "@/lib/auth/scope";
import type { Metadata } from "next";
import Link from "next/link";
import { z } from "zod";
import { requirePage } from "@/lib/auth/guard";
import { mappingMatrix } from "@/lib/mapping/queries";
import { BulkMappingForm } from "@/components/mapping/bulk-mapping-form";
import { TableScroll } from "@/components/ui/table-scroll";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Mapping" };

const searchSchema = z.object({ page: z.coerce.number().int().min(1).max(100_000).catch(1) });
const SYMBOL = { applies: "✓", "not-applicable": "—", suggested: "?" } as const;
const LABEL = { applies: "applies", "not-applicable": "does not apply", suggested: "suggested, not confirmed" } as const;

export default async function MappingPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const principal = await requirePage("features:read");
  const { page } = searchSchema.parse(await searchParams);
  const matrix = await mappingMatrix(page, await scopeOf(principal));
  const canEdit = principal.may("features:write");
  return (
    <>
      <h1>Mapping</h1>
      <p className="lede">
        Which controls cover each active AI feature. ✓ applies, — does not apply (with a justification), ? suggested by the feature&apos;s
        answers and not yet confirmed. Open a feature to see why a control is suggested.
      </p>
      {matrix.total === 0 ? (
        <div className="card empty">
          No active AI feature yet. <Link href="/inventory">Add one to the inventory</Link> to map controls.
        </div>
      ) : (
        <>
          {canEdit && <BulkMappingForm />}
          <TableScroll label="Feature by control matrix" className="matrix">
            <table className="data" aria-label="Feature by control matrix">
              <thead>
                <tr>
                  {canEdit && <th scope="col">Select</th>}
                  <th scope="col">Feature</th>
                  {matrix.controls.map((c) => (
                    <th key={c.code} scope="col" className="vertical" title={c.title}>
                      <Link href={`/controls/${c.code}`}>{c.code}</Link>
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {matrix.features.map((f) => (
                  <tr key={f.slug} data-slug={f.slug}>
                    {canEdit && (
                      <td>
                        <input type="checkbox" name="slugs" value={f.slug} form="bulk-mapping" aria-label={`Select ${f.name}`} />
                      </td>
                    )}
                    <th scope="row">
                      <Link href={`/inventory/${f.slug}`}>{f.name}</Link>
                    </th>
                    {matrix.controls.map((c) => {
                      const state = f.cells[c.code];
                      return (
                        <td key={c.code} className={`cell ${state ?? ""}`} data-control={c.code} data-state={state ?? "none"}>
                          {state ? <span title={`${c.code} ${LABEL[state]}`}>{SYMBOL[state]}</span> : null}
                          {state && <span className="sr-only">{LABEL[state]}</span>}
                        </td>
                      );
                    })}
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
          <nav aria-label="Pages" className="toolbar" style={{ marginTop: 12 }}>
            <span className="muted">
              Page {page} of {matrix.pageCount} ({matrix.total} active features)
            </span>
            {page > 1 && <Link href={`/mapping?page=${page - 1}`}>Previous</Link>}
            {page < matrix.pageCount && <Link href={`/mapping?page=${page + 1}`}>Next</Link>}
          </nav>
        </>
      )}
    </>
  );
}
