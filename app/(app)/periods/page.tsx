import type { Metadata } from "next";
import Link from "next/link";
import { requirePage } from "@/lib/auth/guard";
import { scopeOf } from "@/lib/auth/scope";
import { listPeriods } from "@/lib/periods/service";
import { CATEGORY_LABELS } from "@/lib/validations/control";
import { PERIOD_TYPE_LABELS } from "@/lib/validations/period";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Audit periods" };

export default async function PeriodsPage() {
  const principal = await requirePage("periods:read");
  const periods = await listPeriods(await scopeOf(principal));
  const canEdit = principal.may("periods:write");
  return (
    <>
      <h1>Audit periods</h1>
      <p className="lede">
        The window a SOC 2 report covers: a Type I as of one date, a Type II over months. What is in scope, and which auditors may see it.
      </p>
      {canEdit && (
        <p>
          <Link className="button" href="/periods/new">
            New period
          </Link>
        </p>
      )}
      {periods.length === 0 ? (
        <div className="card empty">No audit period yet.{canEdit ? " Create one to see how much of it your evidence covers." : ""}</div>
      ) : (
        <table className="data" aria-label="Audit periods">
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Type</th>
              <th scope="col">Window</th>
              <th scope="col">Categories</th>
              <th scope="col">Features</th>
              <th scope="col">Auditors</th>
              {canEdit && <th scope="col">Edit</th>}
            </tr>
          </thead>
          <tbody>
            {periods.map((p) => (
              <tr key={p.id} data-period={p.id}>
                <td>
                  <Link href={`/periods/${p.id}`}>{p.name}</Link>
                </td>
                <td>{PERIOD_TYPE_LABELS[p.type]}</td>
                <td>{p.type === "TYPE_I" ? `as of ${p.start}` : `${p.start} to ${p.end}`}</td>
                <td>{p.categories.map((c) => CATEGORY_LABELS[c]).join(", ")}</td>
                <td>{p.features.length}</td>
                <td>{p.auditors.join(", ") || "—"}</td>
                {canEdit && (
                  <td>
                    <Link href={`/periods/${p.id}/edit`} aria-label={`Edit ${p.name}`}>
                      Edit
                    </Link>
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
