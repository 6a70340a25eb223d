import type { Tx } from "@/lib/db";
import type { Principal } from "@/lib/auth/principal";
import { AppError } from "@/lib/errors";
import { mutate, vendorScope, type VendorJson, type VendorRow } from "@/lib/vendors/service";
import type { CuecCreate, CuecPatch, Soc2ReportPatch } from "@/lib/validations/vendor";

// Sub-service organisations (docs/subservice-organisations.md): how a vendor is scoped, the CUECs a carve-out's
// SOC 2 report lists, and the facts of its SOC 2 report items. Each write is one transaction with
// its audit entry, through the vendor's own `mutate` (row lock, before/after).

type Scope = "VENDOR" | "CARVE_OUT" | "INCLUSIVE";

/** The vendor page's one choice: a plain vendor, or a sub-service organisation by carve-out or inclusion. */
export function setVendorScope(id: string, scope: Scope, { actor }: Principal): Promise<VendorJson> {
  return mutate(id, actor, "vendor.scope-updated", async (tx, current) => {
    const next =
      scope === "VENDOR"
        ? vendorScope(current, { relationship: "VENDOR" })
        : vendorScope(current, { relationship: "SUBSERVICE", subserviceMethod: scope });
    await tx.vendor.update({ where: { id }, data: next });
  });
}

async function controlId(tx: Tx, code: string | null | undefined): Promise<string | null | undefined> {
  if (code === undefined || code === null) return code;
  const control = await tx.control.findUnique({ where: { code }, select: { id: true } });
  if (!control) throw new AppError("NOT_FOUND", `There is no control ${code}.`, { control: ["Unknown control."] });
  return control.id;
}

function assertCarveOut(vendor: VendorRow) {
  if (vendor.relationship !== "SUBSERVICE" || vendor.subserviceMethod !== "CARVE_OUT") {
    throw new AppError(
      "UNPROCESSABLE",
      `${vendor.name} is not a carve-out sub-service organisation: only a carve-out report lists CUECs the user entity must address. Scope it as a carve-out first.`,
      { text: ["Scope the vendor as a carve-out sub-service organisation first."] },
    );
  }
}

function findCuec(vendor: VendorRow, cuecId: string) {
  const cuec = vendor.cuecs.find((c) => c.id === cuecId);
  if (!cuec) throw new AppError("NOT_FOUND", `${vendor.name} has no CUEC ${cuecId}.`);
  return cuec;
}

/** Records a CUEC of a carve-out's report, with the control that addresses it if known yet. */
export function addCuec(vendorId: string, input: CuecCreate, { actor }: Principal): Promise<VendorJson> {
  return mutate(vendorId, actor, "vendor.cuec-added", async (tx, current) => {
    assertCarveOut(current);
    const created = await tx.cuec.create({
      data: { vendorId, text: input.text, controlId: (await controlId(tx, input.control)) ?? null },
    });
    return { cuec: created.id, text: created.text, control: input.control ?? null };
  });
}

/** Rewords a CUEC or links it to (or unlinks it from) a control. */
export function updateCuec(vendorId: string, cuecId: string, patch: CuecPatch, { actor }: Principal): Promise<VendorJson> {
  return mutate(vendorId, actor, "vendor.cuec-updated", async (tx, current) => {
    const before = findCuec(current, cuecId);
    await tx.cuec.update({ where: { id: cuecId }, data: { text: patch.text, controlId: await controlId(tx, patch.control) } });
    return {
      cuec: cuecId,
      textBefore: before.text,
      text: patch.text ?? before.text,
      controlBefore: before.control?.code ?? null,
      control: patch.control !== undefined ? patch.control : (before.control?.code ?? null),
    };
  });
}

/** Removes a CUEC recorded by mistake; the audit entry keeps its words and control. */
export function removeCuec(vendorId: string, cuecId: string, { actor }: Principal): Promise<VendorJson> {
  return mutate(vendorId, actor, "vendor.cuec-removed", async (tx, current) => {
    const before = findCuec(current, cuecId);
    await tx.cuec.delete({ where: { id: cuecId } });
    return { cuec: cuecId, textBefore: before.text, controlBefore: before.control?.code ?? null };
  });
}

/**
 * A SOC 2 report item's type and bridge letter. The period it covers is its evidence's validity,
 * reviewed with the evidence; the bridge letter is other evidence, submitted or accepted (it counts
 * once accepted).
 */
export function recordSoc2Report(vendorId: string, itemId: string, patch: Soc2ReportPatch, { actor }: Principal): Promise<VendorJson> {
  return mutate(vendorId, actor, "vendor.soc2-report-updated", async (tx, current) => {
    const item = current.items.find((i) => i.id === itemId);
    if (!item) throw new AppError("NOT_FOUND", `${current.name} has no package item ${itemId}.`);
    if (item.kind !== "SOC2_REPORT") {
      throw new AppError("UNPROCESSABLE", "Only a SOC 2 report item has a report type and a bridge letter.", {
        reportType: ["This item is not a SOC 2 report."],
      });
    }
    if (patch.bridgeLetter) {
      const letter = await tx.evidence.findUnique({ where: { id: patch.bridgeLetter }, select: { id: true, status: true, title: true } });
      if (!letter) throw new AppError("NOT_FOUND", `There is no evidence ${patch.bridgeLetter}.`, { bridgeLetter: ["Unknown evidence."] });
      if (letter.status !== "ACCEPTED" && letter.status !== "SUBMITTED") {
        throw new AppError("CONFLICT", `“${letter.title}” is ${letter.status.toLowerCase()}: link accepted or submitted evidence.`, {
          bridgeLetter: ["Choose accepted or submitted evidence."],
        });
      }
      if (letter.id === item.evidence?.id) {
        throw new AppError("UNPROCESSABLE", "A report cannot be its own bridge letter.", {
          bridgeLetter: ["Choose the bridge letter, not the report."],
        });
      }
    }
    await tx.vendorPackageItem.update({
      where: { id: itemId },
      data: { reportType: patch.reportType, bridgeLetterId: patch.bridgeLetter },
    });
    return {
      item: itemId,
      reportTypeBefore: item.reportType,
      reportType: patch.reportType !== undefined ? patch.reportType : item.reportType,
      bridgeLetterBefore: item.bridgeLetter?.id ?? null,
      bridgeLetter: patch.bridgeLetter !== undefined ? patch.bridgeLetter : (item.bridgeLetter?.id ?? null),
    };
  });
}
