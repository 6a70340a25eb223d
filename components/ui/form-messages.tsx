import type { ActionResult } from "@/lib/actions";

/** The outcome of a server action above its form: the error as an alert, a success as a status. */
export function FormMessages({ state }: { state: ActionResult<unknown> | null | undefined }) {
  if (!state) return null;
  if (!state.ok) {
    return (
      <div role="alert" className="alert error">
        {state.error.message}
      </div>
    );
  }
  return state.message ? (
    <div role="status" className="alert success">
      {state.message}
    </div>
  ) : null;
}
