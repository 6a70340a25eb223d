"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { action } from "@/lib/actions";
import { AppError } from "@/lib/errors";
import type { ImportPreview } from "@/lib/features/csv";
import { importFeaturesCsv, notFeaturesCsv, previewFeaturesCsv } from "@/lib/features/csv-import";
import { IMPORT_MAX_BYTES, readUploadedText } from "@/lib/imports/upload";
import { createFeature, setFeatureStatus, updateFeature } from "@/lib/features/service";
import { fileNameProblem, fileNameSchema } from "@/lib/validations/evidence";
import { FEATURE_STATUSES, featureSchema, slugSchema } from "@/lib/validations/feature";
import { datasetsSchema } from "@/lib/validations/dataset";
import { setDatasets } from "@/lib/features/datasets";
import { organisationToday } from "@/lib/org-time";

// The form sends the vendor rows as one JSON field (a client component adds and removes rows).
const vendorsField = z.preprocess((v) => {
  if (typeof v !== "string" || v.trim() === "") return [];
  try {
    return JSON.parse(v);
  } catch {
    return v; // not JSON: the array schema reports it
  }
}, featureSchema.shape.vendors);

const featureForm = featureSchema.extend({ vendors: vendorsField });

export const createFeatureAction = action("features:write", featureForm, async (input, principal) => {
  const feature = await createFeature(input, principal);
  revalidatePath("/inventory");
  return { ok: true, data: { slug: feature.slug }, message: "Feature created. The change is in the audit log." };
});

export const updateFeatureAction = action(
  "features:write",
  featureForm.extend({ slug: slugSchema }),
  async ({ slug, ...input }, principal) => {
    await updateFeature(slug, input, principal);
    revalidatePath("/inventory");
    revalidatePath(`/inventory/${slug}`);
    return { ok: true, data: { slug }, message: "Saved. The change is in the audit log." };
  },
);

/** Retire (or reactivate): the feature and its history stay; the audit log records the change. */
export const setFeatureStatusAction = action(
  "features:write",
  z.object({ slug: slugSchema, status: z.enum(FEATURE_STATUSES) }),
  async ({ slug, status }, principal) => {
    await setFeatureStatus(slug, status, principal);
    revalidatePath("/inventory");
    revalidatePath(`/inventory/${slug}`);
    return { ok: true, message: status === "RETIRED" ? "Feature retired. Its history is kept." : "Feature is active again." };
  },
);

async function readCsvFile(file: unknown): Promise<{ text: string; name: string }> {
  const nameProblem = file instanceof File && file.size > 0 ? fileNameProblem(file.name) : null;
  if (nameProblem) throw new AppError("VALIDATION", nameProblem, { file: [nameProblem] });
  const upload = await readUploadedText(file, notFeaturesCsv);
  const type = file instanceof File ? file.type : "";
  if (!/\.csv$/i.test(upload.name) && !/^(text\/(csv|plain)|application\/vnd\.ms-excel)$/.test(type)) {
    throw new AppError("UNSUPPORTED_MEDIA_TYPE", notFeaturesCsv(upload.name), { file: ["Not a CSV file."] });
  }
  return upload;
}

/**
 * One endpoint, two steps (lib/features/csv-import.ts, shared with POST /api/v1/features/import).
 * `preview` reads the uploaded file and says, row by row, what would be created or updated and
 * what is wrong; `commit` re-reads the same CSV (never trusting the preview) and imports every row
 * in one transaction, or nothing when any row is bad.
 */
export const importFeaturesAction = action(
  "features:write",
  z.object({
    step: z.enum(["preview", "commit"]),
    file: z.unknown().optional(),
    csv: z.string().max(IMPORT_MAX_BYTES).optional(),
    fileName: fileNameSchema.optional(),
  }),
  async ({ step, file, csv, fileName }, principal) => {
    const source = csv !== undefined ? { text: csv, name: fileName ?? "import.csv" } : await readCsvFile(file);
    if (step === "preview") {
      const preview = await previewFeaturesCsv(source.text, source.name);
      return { ok: true, data: { preview: preview as ImportPreview | null } };
    }
    const outcome = await importFeaturesCsv(source.text, principal);
    revalidatePath("/inventory");
    return {
      ok: true,
      data: { preview: null as ImportPreview | null },
      message: `Imported ${outcome.imported} feature${outcome.imported === 1 ? "" : "s"}: ${outcome.created.length} created, ${outcome.updated.length} updated.`,
    };
  },
);

// The dataset manifest arrives as one JSON field, `datasets` (a client component adds, edits and removes rows).
const datasetsField = z.preprocess((v) => {
  if (typeof v !== "string") return v;
  try {
    return JSON.parse(v);
  } catch {
    return v; // not JSON: the array schema reports it
  }
}, datasetsSchema.shape.datasets);

/** Replaces a feature's dataset manifest (readiness finding 5); audited with before and after. */
export const setDatasetsAction = action(
  "features:write",
  z.object({ slug: slugSchema, datasets: datasetsField }),
  async ({ slug, datasets }, principal) => {
    const saved = await setDatasets(slug, { datasets }, await organisationToday(), principal);
    revalidatePath(`/inventory/${slug}`);
    revalidatePath("/readiness");
    return {
      ok: true,
      message: `Saved ${saved.datasets.length} ${saved.datasets.length === 1 ? "dataset" : "datasets"}. The change is in the audit log.`,
    };
  },
);
