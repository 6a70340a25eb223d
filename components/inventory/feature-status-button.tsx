"use client";

import { useActionState } from "react";
import { setFeatureStatusAction } from "@/app/(app)/inventory/actions";
import { FormMessages } from "@/components/ui/form-messages";

/** Retire (history kept) or reactivate a feature. */
export function FeatureStatusButton({ slug, status }: { slug: string; status: "ACTIVE" | "RETIRED" }) {
  const [state, formAction, pending] = useActionState(setFeatureStatusAction, null);
  const target = status === "ACTIVE" ? "RETIRED" : "ACTIVE";
  return (
    <form
      action={formAction}
      onSubmit={(event) => {
        if (target === "RETIRED" && !window.confirm("Retire this feature? It stays in the inventory with its history."))
          event.preventDefault();
      }}
    >
      <input type="hidden" name="slug" value={slug} />
      <input type="hidden" name="status" value={target} />
      <FormMessages state={state} />
      <button type="submit" className={target === "RETIRED" ? "danger" : "secondary"} disabled={pending}>
        {pending ? "Saving…" : target === "RETIRED" ? "Retire feature" : "Reactivate feature"}
      </button>
    </form>
  );
}
