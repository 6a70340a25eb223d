"use client";

import { startTransition, useActionState, useState } from "react";
import { assignReviewerAction, removeItemAction } from "@/app/(app)/access-reviews/actions";
import { FormMessages } from "@/components/ui/form-messages";
import type { ItemJson } from "@/lib/access-reviews/queries";
import { PRINCIPAL_KIND_LABELS, RESOURCE_KIND_LABELS } from "@/lib/validations/access-review";
import { CredentialDetails, CredentialFlags } from "@/components/access-reviews/credential-facts";
import { TableScroll } from "@/components/ui/table-scroll";

export type ItemRow = Omit<ItemJson, "raw">;

const DECISION_LABELS: Record<string, string> = { KEEP: "Keep", REVOKE: "Revoke", MODIFY: "Modify" };

/**
 * The access review's items (one page). Leads may tick items to give them a reviewer (in a draft, or
 * undecided ones while in progress) and remove items from a draft.
 */
export function ItemsTable(props: {
  reviewId: string;
  rows: ItemRow[];
  /** DRAFT and the caller may write: remove buttons. */
  editable: boolean;
  /** The caller may (re)assign reviewers now. */
  assignable: boolean;
  reviewers: { email: string; name: string }[];
}) {
  const [assignState, assignAction, assigning] = useActionState(assignReviewerAction, null);
  const [removeState, removeAction, removing] = useActionState(removeItemAction, null);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const selectable = (r: ItemRow) => props.assignable && (props.editable || r.decision === null);
  const toggle = (id: string) =>
    setSelected((s) => {
      const next = new Set(s);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  return (
    <>
      <FormMessages state={removeState} />
      {props.assignable && (
        <form
          aria-label="Assign selected items"
          className="toolbar"
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            const data = new FormData(e.currentTarget);
            data.set("reviewId", props.reviewId);
            data.set("scope", "selected");
            for (const id of selected) data.append("itemIds", id);
            startTransition(() => assignAction(data));
            setSelected(new Set());
          }}
        >
          <div className="field">
            <label htmlFor="assign-selected-reviewer">Reviewer for the ticked items</label>
            <select id="assign-selected-reviewer" name="reviewer" defaultValue="">
              <option value="" disabled>
                Choose a reviewer
              </option>
              {props.reviewers.map((r) => (
                <option key={r.email} value={r.email}>
                  {r.name} ({r.email})
                </option>
              ))}
            </select>
          </div>
          <button type="submit" disabled={assigning || selected.size === 0}>
            {assigning ? "Assigning…" : `Assign ${selected.size} ticked`}
          </button>
        </form>
      )}
      <FormMessages state={assignState} />
      <TableScroll label="Items">
        <table className="data" aria-label="Items">
          <thead>
            <tr>
              {props.assignable && (
                <th scope="col">
                  <span className="sr-only">Select</span>
                </th>
              )}
              <th scope="col">#</th>
              <th scope="col">Principal</th>
              <th scope="col">Kind</th>
              <th scope="col">Resource</th>
              <th scope="col">Access level</th>
              <th scope="col">Source</th>
              <th scope="col">Reviewer</th>
              <th scope="col">Decision</th>
              <th scope="col">Comment</th>
              {props.editable && (
                <th scope="col">
                  <span className="sr-only">Remove</span>
                </th>
              )}
            </tr>
          </thead>
          <tbody>
            {props.rows.map((r) => (
              <tr key={r.id} data-item={r.id}>
                {props.assignable && (
                  <td>
                    {selectable(r) && (
                      <input
                        type="checkbox"
                        aria-label={`Select ${r.principal} on ${r.resource}`}
                        checked={selected.has(r.id)}
                        onChange={() => toggle(r.id)}
                      />
                    )}
                  </td>
                )}
                <td>{r.position + 1}</td>
                <td>
                  {r.principal}
                  {r.principalUser && r.principalUser.toLowerCase() !== r.principal.toLowerCase() ? (
                    <span className="muted"> ({r.principalUser})</span>
                  ) : null}
                </td>
                <td>{PRINCIPAL_KIND_LABELS[r.principalKind]}</td>
                <td>
                  {r.resource} <span className="muted">({RESOURCE_KIND_LABELS[r.resourceKind]})</span>
                </td>
                <td>
                  {r.accessLevel} <CredentialFlags flags={r.flags} />
                  {r.credentials && (
                    <details>
                      <summary>Credentials</summary>
                      <CredentialDetails item={r} />
                    </details>
                  )}
                </td>
                <td>{r.source}</td>
                <td>{r.reviewer ?? <span className="muted">unassigned</span>}</td>
                <td>{r.decision ? DECISION_LABELS[r.decision] : <span className="muted">undecided</span>}</td>
                <td>{r.comment ?? ""}</td>
                {props.editable && (
                  <td>
                    <button
                      type="button"
                      className="link"
                      disabled={removing}
                      aria-label={`Remove ${r.principal} on ${r.resource}`}
                      onClick={() => {
                        const data = new FormData();
                        data.set("reviewId", props.reviewId);
                        data.set("itemId", r.id);
                        startTransition(() => removeAction(data));
                      }}
                    >
                      Remove
                    </button>
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </>
  );
}
