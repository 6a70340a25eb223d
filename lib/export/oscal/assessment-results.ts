import { createHash } from "node:crypto";
import type { CoverageStatus } from "@/lib/coverage/types";
import type { PeriodPackage } from "@/lib/export/types";

// The period as OSCAL 1.1.2 assessment results (NIST; schema beside this file): one result for
// the period, an observation per evidence (collected when uploaded, its file's SHA-256 in the
// back-matter resource it points to), a finding per control with its coverage status, and each
// exception as a risk with management's response as its remediation. Pure; validated against the
// schema in lib/export/oscal.test.ts.

export const OSCAL_VERSION = "1.1.2";
const NS = "https://attest.invalid/ns/oscal";

/** A UUID derived from a name (version 5 layout over SHA-256): the same package state gives the same document. */
export function stableUuid(name: string): string {
  const h = createHash("sha256").update(`attest-oscal:${name}`).digest();
  h[6] = (h[6] & 0x0f) | 0x50;
  h[8] = (h[8] & 0x3f) | 0x80;
  const x = h.subarray(0, 16).toString("hex");
  return `${x.slice(0, 8)}-${x.slice(8, 12)}-${x.slice(12, 16)}-${x.slice(16, 20)}-${x.slice(20, 32)}`;
}

const prop = (name: string, value: string | number) => ({ name, ns: NS, value: String(value) });

/** OSCAL strings may not be empty or start/end with white space. */
const text = (value: string | null | undefined, fallback: string) => {
  const trimmed = (value ?? "").trim();
  return trimmed === "" ? fallback : trimmed;
};

const STATE: Record<CoverageStatus, { state: "satisfied" | "not-satisfied"; reason: "pass" | "fail" | "other" }> = {
  OPERATING: { state: "satisfied", reason: "pass" },
  GAPS: { state: "not-satisfied", reason: "fail" },
  NOT_OPERATING: { state: "not-satisfied", reason: "fail" },
  NOT_YET_DUE: { state: "satisfied", reason: "other" },
  NOT_APPLICABLE: { state: "satisfied", reason: "other" },
};

const instant = (date: string) => `${date}T00:00:00Z`;

/** A package path as a relative URI reference (each segment percent-encoded). */
const href = (path: string) => path.split("/").map(encodeURIComponent).join("/");

export function assessmentResults(p: PeriodPackage) {
  const id = (name: string) => stableUuid(`${p.period.id}:${p.exportedAt}:${name}`);
  const planResource = id("plan");
  const observationOf = new Map(p.evidence.map((e) => [e.id, id(`observation:${e.id}`)]));
  const riskOf = new Map(p.exceptions.map((e) => [e.id, id(`risk:${e.id}`)]));

  const observations = p.evidence.map((e) => ({
    uuid: observationOf.get(e.id)!,
    title: text(e.title, e.id),
    description: text(`Evidence ${e.id} of ${e.control}, ${e.status.toLowerCase()}, effective ${e.effectiveDate}.`, e.id),
    props: [
      prop("control", e.control),
      prop("evidence-id", e.id),
      prop("effective-date", e.effectiveDate),
      prop("review-status", e.status),
      ...(e.validFrom ? [prop("valid-from", e.validFrom)] : []),
      ...(e.validUntil ? [prop("valid-until", e.validUntil)] : []),
      ...(e.selfReviewed ? [prop("self-reviewed", "true")] : []),
    ],
    methods: ["EXAMINE"],
    "relevant-evidence": [
      {
        ...(e.packagePath ? { href: `#${id(`resource:${e.id}`)}` } : e.url ? { href: e.url } : {}),
        description: text(e.packagePath ? `The file ${e.packagePath} in this package.` : e.url ? `A link: ${e.url}` : "", e.id),
      },
    ],
    collected: e.uploadedAt,
    ...(e.validUntil ? { expires: instant(e.validUntil) } : {}),
  }));

  const risks = p.exceptions.map((x) => ({
    uuid: riskOf.get(x.id)!,
    title: text(`${x.kind.replaceAll("_", " ").toLowerCase()}${x.control ? ` of ${x.control}` : ""}`, x.id),
    description: text(x.description, x.id),
    statement: text(x.description, x.id),
    props: [
      prop("exception-id", x.id),
      prop("exception-kind", x.kind),
      prop("start", x.start),
      prop("end", x.end),
      ...(x.control ? [prop("control", x.control)] : []),
    ],
    // A response is management's answer, not a closure: the auditor decides what it is worth.
    status: "open",
    ...(x.response.trim()
      ? {
          remediations: [
            { uuid: id(`response:${x.id}`), lifecycle: "planned", title: "Management response", description: x.response.trim() },
          ],
        }
      : {}),
  }));

  const findings = p.controls.map((c) => {
    const evidence = p.evidence.filter((e) => e.control === c.code && e.status === "ACCEPTED").map((e) => observationOf.get(e.id)!);
    const related = p.exceptions.filter((x) => x.control === c.code).map((x) => riskOf.get(x.id)!);
    return {
      uuid: id(`finding:${c.code}`),
      title: text(`${c.code} ${c.title}`, c.code),
      description: text(
        `${c.code}: ${c.status}, ${c.covered} of ${c.expected} slots covered${c.coverage === null ? "" : ` (${Math.round(c.coverage * 100)}%)`}, design ${c.designStatus}.`,
        c.code,
      ),
      props: [
        prop("coverage-status", c.status),
        prop("design-status", c.designStatus),
        prop("expected", c.expected),
        prop("covered", c.covered),
      ],
      target: { type: "objective-id", "target-id": c.code, status: STATE[c.status] },
      ...(evidence.length ? { "related-observations": evidence.map((uuid) => ({ "observation-uuid": uuid })) } : {}),
      ...(related.length ? { "related-risks": related.map((uuid) => ({ "risk-uuid": uuid })) } : {}),
    };
  });

  const resources = [
    {
      uuid: planResource,
      title: text(`Audit period ${p.period.name}`, p.period.id),
      description: text(
        `The audit period ${p.period.id} (${p.period.type}, ${p.period.start} to ${p.period.end}), categories ${p.period.categories.join(", ")}; features ${p.period.features.join(", ") || "all"}.`,
        p.period.id,
      ),
    },
    ...p.evidence
      .filter((e) => e.packagePath && e.fileSha256)
      .map((e) => ({
        uuid: id(`resource:${e.id}`),
        title: text(e.fileName, e.id),
        rlinks: [
          {
            href: href(e.packagePath!),
            ...(e.mediaType ? { "media-type": e.mediaType } : {}),
            hashes: [{ algorithm: "SHA-256", value: e.fileSha256! }],
          },
        ],
      })),
  ];

  return {
    "assessment-results": {
      uuid: id("document"),
      metadata: {
        title: text(`Assessment results: ${p.period.name}`, "Assessment results"),
        "last-modified": p.exportedAt,
        version: p.exportedAt,
        "oscal-version": OSCAL_VERSION,
        props: [
          prop("lock-state", p.lock.state),
          ...(p.auditLogHead ? [prop("audit-log-head-seq", p.auditLogHead.seq), prop("audit-log-head-hash", p.auditLogHead.hash)] : []),
        ],
      },
      "import-ap": { href: `#${planResource}` },
      results: [
        {
          uuid: id("result"),
          title: text(p.period.name, p.period.id),
          description: text(`Evidence and coverage of ${p.period.name} as exported by Attest on ${p.exportedAt}.`, p.period.id),
          start: instant(p.period.start),
          end: instant(p.period.end),
          "reviewed-controls": {
            "control-selections": [
              p.period.controls.length
                ? { "include-controls": p.period.controls.map((code) => ({ "control-id": code })) }
                : { description: "No control is in the period's categories." },
            ],
          },
          ...(observations.length ? { observations } : {}),
          ...(risks.length ? { risks } : {}),
          ...(findings.length ? { findings } : {}),
        },
      ],
      "back-matter": { resources },
    },
  };
}
