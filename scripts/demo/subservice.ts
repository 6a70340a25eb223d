// npm run demo, sub-service part: the demo's Anthropic is a carve-out sub-service organisation
// whose SOC 2 Type II report lists three CUECs, two addressed by controls and one not (a readiness
// finding); OpenAI is scoped by the inclusive method. Through the services, so each step is in the
// audit log. Idempotent: a vendor already scoped as a sub-service organisation is left as it is.
// Expects scripts/demo/vendors.ts to have filed the vendors' packages.
import { userPrincipal } from "@/lib/auth/principal";

const CUECS: { text: string; control: string | null }[] = [
  { text: "User entities restrict and review access to their API keys and organisation settings.", control: "AI-SEC-05" },
  { text: "User entities do not send data the provider's usage policy prohibits, and review prompts for secrets.", control: "AI-SEC-01" },
  { text: "User entities review model outputs before acting on them where decisions affect their customers.", control: null },
];

export async function seedSubserviceDemo(): Promise<void> {
  const { db } = await import("@/lib/db");
  const { addCuec, recordSoc2Report, setVendorScope } = await import("@/lib/vendors/subservice-service");
  const user = await db.user.findUnique({ where: { email: "lead@demo.attest.local" } });
  if (!user) throw new Error("The demo lead does not exist: run the rest of the demo seed first.");
  const lead = userPrincipal(user);

  for (const [name, scope] of [
    ["Anthropic (demo)", "CARVE_OUT"],
    ["OpenAI (demo)", "INCLUSIVE"],
  ] as const) {
    const vendor = await db.vendor.findUnique({
      where: { name },
      select: { id: true, relationship: true, items: { where: { kind: "SOC2_REPORT" }, select: { id: true } } },
    });
    if (!vendor || vendor.relationship === "SUBSERVICE") continue;
    await setVendorScope(vendor.id, scope, lead);
    for (const item of vendor.items) await recordSoc2Report(vendor.id, item.id, { reportType: "TYPE_II" }, lead);
    if (scope === "CARVE_OUT") for (const cuec of CUECS) await addCuec(vendor.id, cuec, lead);
  }
}
