import { CHANGE_KINDS, CHANGE_KIND_LABELS, type ChangeKind } from "@/lib/validations/change";

// Rules that give an imported row its kind from its title, one a line: `<title prefix> => <kind>`,
// such as `config/models: => MODEL_UPGRADE`. A row's own kind (a CSV's kind column, a JSON item's
// `kind`) wins; then the first rule whose prefix starts the title (case-insensitive); then the kind
// chosen for every row. The kind is its code or its label. Pure.

export interface KindRule {
  prefix: string;
  kind: ChangeKind;
}

export const MAX_KIND_RULES = 50;

function kindOf(text: string): ChangeKind | null {
  const value = text.trim().toLowerCase();
  return CHANGE_KINDS.find((k) => k.toLowerCase() === value || CHANGE_KIND_LABELS[k].toLowerCase() === value) ?? null;
}

/** The rules of the text, or the messages of the lines that are not rules (blank lines and `#` comments are ignored). */
export function parseKindRules(text: string | undefined): { rules: KindRule[]; errors: string[] } {
  const rules: KindRule[] = [];
  const errors: string[] = [];
  (text ?? "").split(/\r?\n/).forEach((raw, i) => {
    const line = raw.trim();
    if (!line || line.startsWith("#")) return;
    const at = line.lastIndexOf("=>");
    const prefix = at >= 0 ? line.slice(0, at).trim() : "";
    const kind = at >= 0 ? kindOf(line.slice(at + 2)) : null;
    if (!prefix || !kind) {
      errors.push(`Kind rule line ${i + 1} (“${line}”): write a title prefix, =>, and one of ${CHANGE_KINDS.join(", ")}.`);
      return;
    }
    rules.push({ prefix, kind });
  });
  if (rules.length > MAX_KIND_RULES) errors.push(`${rules.length} kind rules is more than ${MAX_KIND_RULES}.`);
  return { rules, errors };
}

/** The kind the first matching rule gives a title, or undefined. */
export function kindByRule(title: unknown, rules: readonly KindRule[]): ChangeKind | undefined {
  if (typeof title !== "string") return undefined;
  const t = title.trim().toLowerCase();
  return rules.find((r) => t.startsWith(r.prefix.toLowerCase()))?.kind;
}
