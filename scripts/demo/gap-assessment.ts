// npm run demo, gap-assessment part: every guide control gets the design status, owner and start
// of operation a team writes in its gap assessment, through the same updateControl the control
// page and PATCH /api/v1/controls/{code} call (each one audited). Mostly in place, a few partial,
// one missing (customer contracts, which readiness finding 7 shows) and one not applicable.
// Then the feature x control mappings a lead confirms: what each demo feature's answers suggest,
// plus one "does not apply" with its reason. Idempotent: a control already assessed as planned, and
// a mapping already confirmed, are left as they are.
import { userPrincipal } from "@/lib/auth/principal";
import type { ControlPatch } from "@/lib/validations/control";

type Plan = Required<Pick<ControlPatch, "designStatus" | "owner">> &
  Pick<ControlPatch, "justification" | "notes"> & { since: number | null };

/** `since`: months before the period's start the control began operating (negative: after it; null: it does not operate yet). */
const PLAN: Record<string, Plan> = {
  "AI-SEC-01": { designStatus: "IN_PLACE", owner: "Platform security", since: 14 },
  "AI-SEC-02": { designStatus: "IN_PLACE", owner: "ML platform", since: 10 },
  "AI-SEC-03": {
    designStatus: "PARTIAL",
    owner: "Platform security",
    since: 6,
    notes:
      "Per-call auth is enforced on the MCP tool server; the internal search tool still takes a shared token (SEC-311, due next quarter).",
  },
  "AI-SEC-04": { designStatus: "IN_PLACE", owner: "Platform security", since: 18 },
  "AI-SEC-05": { designStatus: "IN_PLACE", owner: "Compliance", since: 12 },
  "AI-AVL-01": { designStatus: "IN_PLACE", owner: "Support platform team", since: 8 },
  "AI-AVL-02": { designStatus: "IN_PLACE", owner: "Support platform team", since: 8 },
  "AI-AVL-03": { designStatus: "IN_PLACE", owner: "SRE", since: 12 },
  "AI-AVL-04": {
    designStatus: "PARTIAL",
    owner: "SRE",
    since: 4,
    notes: "Latency and error SLOs alert on call; the cost SLO is reported monthly but has no alert yet.",
  },
  "AI-PI-01": { designStatus: "IN_PLACE", owner: "Engineering managers", since: 12 },
  "AI-PI-02": { designStatus: "IN_PLACE", owner: "ML platform", since: 9 },
  // Began during the period: its first months are "not in operation", not missing.
  "AI-PI-03": { designStatus: "IN_PLACE", owner: "Legal engineering", since: -4 },
  "AI-PI-04": { designStatus: "IN_PLACE", owner: "Support platform team", since: 6 },
  "AI-PI-05": {
    designStatus: "NOT_APPLICABLE",
    owner: "Compliance",
    since: 0,
    justification:
      "No AI feature takes an irreversible action: support drafts are sent by an agent, extracted clauses only schedule reminders a person reviews, and the ticket router's queue is changed by any agent.",
  },
  "AI-CONF-01": { designStatus: "IN_PLACE", owner: "Platform security", since: 10 },
  "AI-CONF-02": { designStatus: "IN_PLACE", owner: "Legal", since: 24 },
  "AI-CONF-03": { designStatus: "IN_PLACE", owner: "Platform security", since: 12 },
  "AI-CONF-04": { designStatus: "IN_PLACE", owner: "Platform security", since: 15 },
  "AI-CONF-05": {
    designStatus: "MISSING",
    owner: "Legal",
    since: null,
    notes: "The customer contract template does not mention AI processing yet; Legal is drafting the clause (LEGAL-88).",
  },
  "AI-PRIV-01": { designStatus: "IN_PLACE", owner: "Product", since: 9 },
  "AI-PRIV-02": {
    designStatus: "PARTIAL",
    owner: "Privacy",
    since: 9,
    notes: "Deletion requests reach prompt logs; exports do not include them yet.",
  },
  "AI-PRIV-03": { designStatus: "IN_PLACE", owner: "Privacy", since: 11 },
  "AI-PRIV-04": {
    designStatus: "PARTIAL",
    owner: "Legal",
    since: 24,
    notes: "SCCs are annexed to Anthropic's DPA; OpenAI's DPA (with its SCCs) is still being negotiated.",
  },
};

const NOT_APPLIES = [
  {
    slug: "demo-ticket-router",
    code: "AI-PRIV-01",
    justification: "Customers never see the router: it only sets the queue of a ticket that staff then handle.",
  },
];

export async function seedGapAssessmentDemo(periodStart: string): Promise<void> {
  const { db } = await import("@/lib/db");
  const { updateControl } = await import("@/lib/controls/update");
  const { setMappings } = await import("@/lib/mapping/service");
  const { suggestControls } = await import("@/lib/features/suggest");
  const { addMonths } = await import("@/lib/vendors/package");
  const user = await db.user.findUnique({ where: { email: "lead@demo.attest.local" } });
  if (!user) throw new Error("The demo lead does not exist: run the rest of the demo seed first.");
  const lead = userPrincipal(user);

  const controls = await db.control.findMany({ where: { code: { in: Object.keys(PLAN) } } });
  for (const control of controls) {
    const { since, ...plan } = PLAN[control.code];
    if (control.designStatus === plan.designStatus && control.owner === plan.owner) continue;
    await updateControl(control.code, { ...plan, operatesSince: since === null ? null : addMonths(periodStart, -since) }, lead);
  }

  const features = await db.feature.findMany({
    where: { slug: { startsWith: "demo-" } },
    include: { mappings: { select: { controlId: true } }, vendors: { select: { vendorId: true } } },
    orderBy: { slug: "asc" },
  });
  for (const feature of features) {
    if (feature.mappings.length) continue;
    const suggested = suggestControls({ ...feature, hasVendors: feature.vendors.length > 0 }).map((s) => s.code);
    const refused = NOT_APPLIES.filter((n) => n.slug === feature.slug);
    const applies = suggested.filter((code) => !refused.some((n) => n.code === code));
    await setMappings(
      applies.map((code) => ({ slug: feature.slug, code })),
      { applies: true },
      lead,
    );
    for (const n of refused) await setMappings([{ slug: n.slug, code: n.code }], { applies: false, justification: n.justification }, lead);
  }
}
