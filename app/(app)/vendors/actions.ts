"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { action, type ActionResult } from "@/lib/actions";
import { KIND_LABELS } from "@/lib/vendors/package";
import { createVendor, linkPackageItem, recordVendorReview, setFallbackStrategy, updateVendor } from "@/lib/vendors/service";
import { addCuec, recordSoc2Report, removeCuec, setVendorScope, updateCuec } from "@/lib/vendors/subservice-service";
import { SCOPE_LABELS } from "@/lib/vendors/subservice";
import {
  cuecCreateSchema,
  cuecIdSchema,
  cuecPatchFields,
  cuecPatchGiven,
  fallbackInputSchema,
  packageItemIdSchema,
  soc2ReportFields,
  soc2ReportGiven,
  vendorScopeSchema,
  packageLinkSchema,
  reviewInputSchema,
  vendorCreateSchema,
  vendorIdSchema,
  vendorPatchSchema,
} from "@/lib/validations/vendor";

// Vendor due diligence, for compliance leads and admins (vendors:write). Each action revalidates
// the vendor list, the vendor's page and the readiness views its package state feeds.

const refresh = (id?: string) => {
  revalidatePath("/vendors");
  if (id) revalidatePath(`/vendors/${id}`);
  revalidatePath("/readiness");
  revalidatePath("/dashboard");
};

export const createVendorAction = action(
  "vendors:write",
  vendorCreateSchema,
  async (input, principal): Promise<ActionResult<{ id: string }>> => {
    const vendor = await createVendor(input, principal);
    refresh(vendor.id);
    return { ok: true, data: { id: vendor.id }, message: `Created ${vendor.name}.` };
  },
);

export const updateVendorAction = action(
  "vendors:write",
  vendorPatchSchema.extend({ id: vendorIdSchema }),
  async ({ id, ...patch }, principal): Promise<ActionResult<{ id: string }>> => {
    const vendor = await updateVendor(id, patch, principal);
    refresh(id);
    return { ok: true, data: { id }, message: `Saved ${vendor.name}.` };
  },
);

export const recordVendorReviewAction = action(
  "vendors:write",
  z.object({ id: vendorIdSchema }).and(reviewInputSchema),
  async ({ id, date }, principal): Promise<ActionResult> => {
    const vendor = await recordVendorReview(id, date!, principal);
    refresh(id);
    return { ok: true, message: `Recorded the review of ${vendor.name} on ${date}; the next one is due ${vendor.nextReviewDue}.` };
  },
);

export const setFallbackStrategyAction = action(
  "vendors:write",
  z.object({ id: vendorIdSchema }).and(fallbackInputSchema),
  async ({ id, feature, fallbackStrategy }, principal): Promise<ActionResult> => {
    await setFallbackStrategy(id, feature, fallbackStrategy, principal);
    refresh(id);
    return { ok: true, message: `Saved the fallback strategy of ${feature}.` };
  },
);

export const linkPackageItemAction = action(
  "vendors:write",
  packageLinkSchema.extend({ id: vendorIdSchema }),
  async ({ id, ...link }, principal): Promise<ActionResult> => {
    const vendor = await linkPackageItem(id, link, principal);
    refresh(id);
    return { ok: true, message: `Linked the evidence as ${vendor.name}'s ${KIND_LABELS[link.kind]}.` };
  },
);

export const setVendorScopeAction = action(
  "vendors:write",
  vendorScopeSchema.extend({ id: vendorIdSchema }),
  async ({ id, scope }, principal): Promise<ActionResult> => {
    const vendor = await setVendorScope(id, scope, principal);
    refresh(id);
    return { ok: true, message: `${vendor.name} is scoped as: ${SCOPE_LABELS[scope]}.` };
  },
);

export const addCuecAction = action(
  "vendors:write",
  cuecCreateSchema.extend({ id: vendorIdSchema }),
  async ({ id, ...cuec }, principal): Promise<ActionResult> => {
    await addCuec(id, cuec, principal);
    refresh(id);
    return {
      ok: true,
      message: cuec.control ? `Added the CUEC, addressed by ${cuec.control}.` : "Added the CUEC; no control addresses it yet.",
    };
  },
);

export const linkCuecControlAction = action(
  "vendors:write",
  cuecPatchFields.extend({ id: vendorIdSchema, cuec: cuecIdSchema }).refine(cuecPatchGiven, { error: "Choose a control." }),
  async ({ id, cuec, ...patch }, principal): Promise<ActionResult> => {
    await updateCuec(id, cuec, patch, principal);
    refresh(id);
    return { ok: true, message: patch.control ? `The CUEC is addressed by ${patch.control}.` : "Saved the CUEC." };
  },
);

export const removeCuecAction = action(
  "vendors:write",
  z.object({ id: vendorIdSchema, cuec: cuecIdSchema }),
  async ({ id, cuec }, principal): Promise<ActionResult> => {
    await removeCuec(id, cuec, principal);
    refresh(id);
    return { ok: true, message: "Removed the CUEC." };
  },
);

export const recordSoc2ReportAction = action(
  "vendors:write",
  soc2ReportFields
    .extend({ id: vendorIdSchema, item: packageItemIdSchema })
    .refine(soc2ReportGiven, { error: "Give the type or the bridge letter." }),
  async ({ id, item, ...patch }, principal): Promise<ActionResult> => {
    await recordSoc2Report(id, item, patch, principal);
    refresh(id);
    return { ok: true, message: "Saved the SOC 2 report's type and bridge letter." };
  },
);
