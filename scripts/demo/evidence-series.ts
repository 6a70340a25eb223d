// The demo's operating evidence series (scripts/demo/operating-evidence.ts uploads them): per
// control, how often, what the file says, who uploads it, and which slots are left missing.

export type Frequency = "MONTHLY" | "QUARTERLY" | "SEMI_ANNUAL";

export interface Series {
  control: string;
  frequency: Frequency;
  title: string; // "{slot}" is replaced by the slot's label
  file: string; // extension .csv, .md or .txt
  body: string;
  by: "engineer" | "lead";
  features?: string[];
  /** Slots (0 = the period's first) left without evidence. */
  missing?: (index: number, due: number) => boolean;
}

export const SERIES: Series[] = [
  {
    control: "AI-SEC-01",
    frequency: "QUARTERLY",
    title: "LLM API key rotation log, {slot}",
    file: "key-rotation.csv",
    by: "engineer",
    body: "key,provider,rotated_on,rotated_by\nanthropic-prod,Anthropic,{date},eve\nopenai-prod,OpenAI,{date},eve\n",
  },
  {
    control: "AI-SEC-02",
    frequency: "QUARTERLY",
    title: "Training data bucket IAM policy export, {slot}",
    file: "training-data-iam.md",
    by: "engineer",
    body: "# contracts-finetune-dataset\nRead: ml-pipeline, data-science-team. Write: ml-pipeline only. Exported {date}.\n",
  },
  {
    control: "AI-SEC-03",
    frequency: "QUARTERLY",
    title: "Tool server per-call auth test, {slot}",
    file: "tool-auth-test.txt",
    by: "engineer",
    body: "mcp-tools-server: 14 tools called without a token, 14 refused (401). Run {date}.\n",
    missing: (i) => i === 1,
  },
  {
    control: "AI-SEC-04",
    frequency: "QUARTERLY",
    title: "Prompt log bucket encryption check, {slot}",
    file: "kms-check.txt",
    by: "engineer",
    body: "prompt-logs-bucket: SSE-KMS with key alias/prompt-logs, rotation on. Checked {date}.\n",
  },
  {
    control: "AI-SEC-05",
    frequency: "QUARTERLY",
    title: "AI access review record, {slot} (spreadsheet, before Attest)",
    file: "access-review.csv",
    by: "lead",
    body: "principal,resource,decision,reviewer\nsvc-support-drafts,anthropic-prod-api-key,KEEP,eve\ncontractor.sam,prompt-logs-bucket,REVOKE,lee\n",
    // The current quarter's record is the access review signed off in Attest (scripts/demo/access-reviews.ts).
    missing: (i, due) => i >= due,
  },
  {
    control: "AI-AVL-01",
    frequency: "SEMI_ANNUAL",
    title: "Provider fallback drill, {slot}",
    file: "fallback-drill.md",
    by: "engineer",
    features: ["demo-support-reply-drafts"],
    body: "# Fallback drill\nAnthropic blocked at the egress proxy for 20 minutes on {date}; drafts fell back to the canned replies; no error reached agents.\n",
  },
  {
    control: "AI-AVL-02",
    frequency: "QUARTERLY",
    title: "Degraded-mode test without the LLM, {slot}",
    file: "degraded-mode.txt",
    by: "engineer",
    body: "Helpdesk with the AI flag off on {date}: ticket routing falls back to rules, drafts hidden, no errors.\n",
  },
  {
    control: "AI-AVL-04",
    frequency: "MONTHLY",
    title: "LLM SLO report, {slot}",
    file: "slo-report.csv",
    by: "engineer",
    body: "slo,target,actual\np95 latency,<4s,3.1s\nerror rate,<1%,0.4%\ncost per 1k calls,<$2.10,$1.85\n",
    missing: (i, due) => i === due - 1,
  },
  {
    control: "AI-PI-03",
    frequency: "MONTHLY",
    title: "Output schema validation failures, {slot}",
    file: "schema-validation.csv",
    by: "engineer",
    features: ["demo-contract-clause-extractor"],
    body: "date,calls,schema_failures,retried_ok\n{date},18234,41,41\n",
  },
  {
    control: "AI-PI-04",
    frequency: "MONTHLY",
    title: "Hallucination and safety review, {slot}",
    file: "safety-review.md",
    by: "engineer",
    features: ["demo-support-reply-drafts"],
    body: "# Monthly safety review\n200 sampled drafts reviewed on {date}: 3 factual errors, 0 unsafe outputs, 1 prompt fix filed.\n",
    missing: (i) => i === 4,
  },
  {
    control: "AI-CONF-01",
    frequency: "MONTHLY",
    title: "Prompt scanning redaction counts, {slot}",
    file: "redactions.csv",
    by: "engineer",
    body: "kind,redacted\nemail,1204\nphone,388\napi_key,3\n",
  },
  {
    control: "AI-PRIV-01",
    frequency: "QUARTERLY",
    title: "AI notice in the helpdesk, {slot}",
    file: "ai-notice.md",
    by: "lead",
    body: "Checked on {date}: the customer portal shows “Replies may be drafted with AI and are reviewed by our team.”\n",
  },
  {
    control: "AI-PRIV-02",
    frequency: "QUARTERLY",
    title: "DSAR log with AI records, {slot}",
    file: "dsar-log.csv",
    by: "lead",
    body: "request,received,closed,prompt_logs_deleted\nDSAR-101,{date},{date},yes\n",
  },
  {
    control: "AI-PRIV-03",
    frequency: "QUARTERLY",
    title: "Training consent records, {slot}",
    file: "training-consent.csv",
    by: "lead",
    body: "tenant,consent,recorded\nacme-eu,opt-in,{date}\nglobex,opt-out,{date}\n",
  },
];
