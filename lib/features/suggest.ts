import type { FeatureFlags } from "@/lib/validations/feature";

// Which of the guide's controls a feature's answers suggest, each with the reason a person sees
// before confirming. Pure: no I/O. Custom controls are never suggested (their meaning is the team's).
export interface FeatureAnswers extends FeatureFlags {
  inputData: readonly string[];
  invokers: readonly string[];
  failureImpact: string;
  hasVendors: boolean;
}

export interface Suggestion {
  code: string;
  reasons: string[];
}

type Rule = { codes: string[]; when: (a: FeatureAnswers) => boolean; reason: string };

const RULES: Rule[] = [
  {
    codes: ["AI-PI-01", "AI-PI-02"],
    when: () => true,
    reason:
      "Every AI feature changes through model and prompt updates, which the guide puts under change management and regression evaluation.",
  },
  { codes: ["AI-SEC-05"], when: () => true, reason: "AI components belong in the quarterly access reviews." },
  {
    codes: ["AI-SEC-01", "AI-AVL-01", "AI-AVL-03", "AI-AVL-04"],
    when: (a) => a.hasVendors,
    reason: "It depends on a model vendor: provider credentials, fallbacks, outage runbooks and SLO monitoring apply.",
  },
  {
    codes: ["AI-CONF-02"],
    when: (a) => a.hasVendors && a.inputData.some((d) => d === "CUSTOMER_CONFIDENTIAL" || d === "PERSONAL_DATA"),
    reason: "Customer or personal data is sent to a model vendor, so the vendor's DPA must cover it.",
  },
  {
    codes: ["AI-PRIV-04"],
    when: (a) => a.hasVendors && a.inputData.includes("PERSONAL_DATA"),
    reason: "Personal data goes to a vendor, which may transfer it across borders.",
  },
  {
    codes: ["AI-CONF-01"],
    when: (a) => a.inputData.some((d) => d === "CUSTOMER_CONFIDENTIAL" || d === "PERSONAL_DATA" || d === "SECRETS"),
    reason: "Sensitive data can enter the prompt, so prompts must be scanned for secrets and PII.",
  },
  {
    codes: ["AI-CONF-04", "AI-CONF-05"],
    when: (a) => a.inputData.includes("CUSTOMER_CONFIDENTIAL"),
    reason: "Customer confidential data enters the prompt: tenant isolation and contractual commitments apply.",
  },
  {
    codes: ["AI-PRIV-02"],
    when: (a) => a.inputData.includes("PERSONAL_DATA"),
    reason: "Personal data is processed, so deletion and export requests must reach AI records.",
  },
  { codes: ["AI-SEC-01"], when: (a) => a.inputData.includes("SECRETS"), reason: "Secrets or credentials can reach the model." },
  { codes: ["AI-PI-03"], when: (a) => a.automatedDecisions, reason: "Its outputs drive automated decisions." },
  { codes: ["AI-PI-05"], when: (a) => a.irreversibleActions, reason: "It can take irreversible actions." },
  { codes: ["AI-SEC-02", "AI-PRIV-03"], when: (a) => a.usesTrainingData, reason: "It uses fine-tuning or training data." },
  {
    codes: ["AI-SEC-03"],
    when: (a) => a.exposesToolServers || a.invokers.includes("AGENTS"),
    reason: "Agents or tools call into it through MCP or tool servers.",
  },
  { codes: ["AI-SEC-04", "AI-CONF-03"], when: (a) => a.logsPrompts, reason: "It logs prompts and responses." },
  { codes: ["AI-PRIV-01"], when: (a) => a.userFacing || a.invokers.includes("END_USERS"), reason: "Users interact with it directly." },
  {
    codes: ["AI-AVL-02"],
    when: (a) => a.userFacing || a.invokers.includes("END_USERS"),
    reason: "A user journey depends on it, so it needs graceful degradation.",
  },
  {
    codes: ["AI-PI-04"],
    when: (a) => a.failureImpact === "HIGH" || a.automatedDecisions,
    reason: "A wrong output has a high impact, so hallucination and safety signals must be monitored.",
  },
];

export function suggestControls(answers: FeatureAnswers): Suggestion[] {
  const byCode = new Map<string, string[]>();
  for (const rule of RULES) {
    if (!rule.when(answers)) continue;
    for (const code of rule.codes) byCode.set(code, [...(byCode.get(code) ?? []), rule.reason]);
  }
  return [...byCode.entries()].map(([code, reasons]) => ({ code, reasons })).sort((a, b) => a.code.localeCompare(b.code));
}
