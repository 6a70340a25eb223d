import { startTransition } from "react";

/**
 * An onSubmit handler that calls a form action without React's automatic form reset. With
 * `<form action={…}>`, React 19 resets every uncontrolled field after the action, so a refused
 * form would lose what was typed and selected. The `action` prop can stay for progressive
 * enhancement: this handler prevents the native submission when JavaScript runs.
 */
export function submitKeepingFields(formAction: (data: FormData) => void) {
  return (event: React.FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const submitter = (event.nativeEvent as SubmitEvent).submitter;
    const data = new FormData(event.currentTarget, submitter);
    startTransition(() => formAction(data));
  };
}
