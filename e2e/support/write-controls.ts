import type { Page } from "@playwright/test";
import { EXPECTED_ROLES, PAGES } from "../endpoints";

// "No page shows an auditor an enabled control that would change anything" (docs/auditors.md), as
// a rule a test can check on the rendered page. A control is a write control when it is:
//
//  1. a submit control (a button without type or type=submit, an input type=submit/image) or a
//     field (input other than hidden, select, textarea) inside a form that writes: method POST (how
//     React renders a form whose action is a server action), an action="javascript:..." (React's
//     placeholder for a client-side action function) or a `$ACTION_...` field;
//  2. any button, anywhere but in a GET form, whose accessible name is a verb that changes data
//     (Save, Create, Delete, Upload, Accept, Sign off ...): client components can call a server
//     action from a type=button's click handler, which no form attribute shows;
//  3. a link to a page that writes: a path ending /new, /edit, /import or /upload, or matching one of
//     the pages an auditor may not open (`writePages`, from the authorization walk's page table).
//
// Disabled controls (the control, or an enclosing disabled fieldset) do not count; nor do GET forms
// (filters, search), download links, or the controls `allowed` names (read-only actions such as
// checking the audit log's chain, and signing out, which changes no data).

export interface WriteControlRules {
  /** Path patterns (RegExp sources, matched against a link's pathname) of pages that write. */
  writePages: string[];
  /** Accessible names of enabled controls that change nothing (RegExp sources, case-insensitive). */
  allowed: string[];
}

const WRITE_VERBS =
  "save|create|add|new|delete|remove|upload|import|accept|reject|approve|withdraw|sign off|sign-off|start|revoke|record|link|assign|mark|edit|update|disable|enable|invite|submit|confirm|apply|replace|rename|decide|keep|mark done";

/** The page's write controls, each described as "kind: name (where)"; empty when there are none. */
export function writeControls(page: Page, rules: WriteControlRules): Promise<string[]> {
  return page.evaluate(
    ({ writePages, allowed, verbs }) => {
      const found: string[] = [];
      const isAllowed = (name: string) => allowed.some((a) => new RegExp(a, "i").test(name));
      const nameOf = (el: Element) =>
        (
          el.getAttribute("aria-label") ||
          (el as HTMLInputElement).labels?.[0]?.textContent ||
          (el as HTMLInputElement).value ||
          el.textContent ||
          el.getAttribute("name") ||
          ""
        )
          .replace(/\s+/g, " ")
          .trim();
      const disabled = (el: Element) => (el as HTMLButtonElement).disabled || el.closest("fieldset:disabled") !== null;
      const writes = (form: HTMLFormElement) =>
        (form.getAttribute("method") ?? "get").toLowerCase() === "post" ||
        (form.getAttribute("action") ?? "").startsWith("javascript:") ||
        form.querySelector('input[name^="$ACTION"]') !== null;
      const where = (el: Element) => {
        const form = el.closest("form");
        return form ? `form ${form.getAttribute("method") ?? "get"} ${form.getAttribute("action") ?? ""}`.trim() : "no form";
      };

      // 1. Submit controls and fields of a form that writes.
      for (const form of Array.from(document.querySelectorAll("form"))) {
        if (!writes(form)) continue;
        for (const el of Array.from(form.querySelectorAll("button, input, select, textarea"))) {
          if (disabled(el)) continue;
          const type = (el.getAttribute("type") ?? "").toLowerCase();
          if (el.tagName === "INPUT" && type === "hidden") continue;
          if (el.tagName === "BUTTON" && type === "button") continue; // caught by rule 2 when it is a write verb
          if (el.tagName === "BUTTON" && type === "reset") continue;
          const name = nameOf(el);
          if (isAllowed(name)) continue;
          found.push(`${el.tagName.toLowerCase()}${type ? `[type=${type}]` : ""} "${name}" in a form that writes (${where(el)})`);
        }
      }

      // 2. Buttons named for a change, outside GET forms.
      const verb = new RegExp(`^(${verbs})\\b`, "i");
      for (const el of Array.from(document.querySelectorAll('button, input[type="submit"], input[type="button"], [role="button"]'))) {
        if (disabled(el) || el.getAttribute("aria-disabled") === "true") continue;
        const form = el.closest("form");
        if (form && !writes(form)) continue;
        const name = nameOf(el);
        if (!verb.test(name) || isAllowed(name)) continue;
        const line = `${el.tagName.toLowerCase()} "${name}" names a change (${where(el)})`;
        if (!found.some((f) => f.includes(`"${name}"`))) found.push(line);
      }

      // 3. Links to pages that write.
      const pages = [/\/(new|edit|import|upload)\/?$/, ...writePages.map((p) => new RegExp(p))];
      for (const a of Array.from(document.querySelectorAll("a[href]"))) {
        const url = new URL(a.getAttribute("href")!, location.href);
        if (url.origin !== location.origin || a.hasAttribute("download")) continue;
        if (pages.some((p) => p.test(url.pathname))) found.push(`link "${nameOf(a)}" to ${url.pathname}`);
      }
      return found;
    },
    { ...rules, verbs: WRITE_VERBS },
  );
}

/** "/controls/[code]/edit" -> "^/controls/[^/]+/edit/?$", for WriteControlRules.writePages. */
export function pathPattern(pattern: string): string {
  const escaped = pattern.replace(/[.*+?^${}()|\\]/g, "\\$&");
  return `^${escaped.replace(/\[\[?\.\.\.[^\]]+\]\]?/g, ".+").replace(/\[[^\]]+\]/g, "[^/]+")}/?$`;
}

/**
 * An auditor's rules: every page of the walk's table an auditor may not open is a write page;
 * checking the audit log's chain and signing out change no data.
 */
export const AUDITOR_WRITE_RULES: WriteControlRules = {
  writePages: Object.entries(PAGES)
    .filter(
      ([, access]) =>
        access !== "public" && access !== "signed-in" && access !== "setup-only" && !EXPECTED_ROLES[access].includes("AUDITOR"),
    )
    .map(([pattern]) => pathPattern(pattern)),
  allowed: ["^verify chain$", "^verifying…$", "^sign out$"],
};
