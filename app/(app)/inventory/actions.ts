"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { action } from "@/lib/actions";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { IMPORT_MAX_BYTES, parseFeaturesCsv, type ImportPreview } from "@/lib/features/csv";
import { createFeature, importFeatures, setFeatureStatus, updateFeature } from "@/lib/features/service";
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
  if (!(file instanceof File) || file.size === 0)
    throw new AppError("VALIDATION", "Choose a CSV file to import.", { file: ["Choose a CSV file."] });
  const nameProblem = fileNameProblem(file.name);
  if (nameProblem) throw new AppError("VALIDATION", nameProblem, { file: [nameProblem] });
  if (file.size > IMPORT_MAX_BYTES) {
    throw new AppError("PAYLOAD_TOO_LARGE", `${file.name} is ${(file.size / 1024 / 1024).toFixed(1)} MB; the limit is 5 MB.`, {
      file: ["The file is larger than 5 MB."],
    });
  }
  const bytes = new Uint8Array(await file.arrayBuffer());
  const looksCsv = /\.csv$/i.test(file.name) || /^(text\/(csv|plain)|application\/vnd\.ms-excel)$/.test(file.type);
  let text: string | null = null;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    text = null;
  }
  if (!looksCsv || text === null || text.includes("\u0000")) {
    throw new AppError(
      "UNSUPPORTED_MEDIA_TYPE",
      `${file.name} is not a CSV file: export one from the inventory or save your sheet as CSV (UTF-8).`,
      {
        file: ["Not a CSV file."],
      },
    );
  }
  return { text, name: file.name };
}

/**
 * One endpoint, two steps. `preview` reads the uploaded file and says, row by row, what would be
 * created or updated and what is wrong; `commit` re-reads the same CSV (never trusting the
 * preview) and imports every row in one transaction, or nothing when any row is bad.
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
    const parsed = parseFeaturesCsv(source.text);
    if (step === "preview") {
      const existing = new Set(
        (await db.feature.findMany({ where: { slug: { in: parsed.rows.map((r) => r.slug) } }, select: { slug: true } })).map((f) => f.slug),
      );
      const preview: ImportPreview = {
        csv: source.text,
        fileName: source.name,
        rows: parsed.rows.map((r, i) => ({
          row: parsed.rowNumbers[i],
          slug: r.slug,
          name: r.name,
          owner: r.owner,
          change: existing.has(r.slug) ? "update" : "create",
        })),
        errors: parsed.errors,
      };
      return { ok: true, data: { preview: preview as ImportPreview | null } };
    }
    if (parsed.errors.length) {
      const first = parsed.errors[0];
      throw new AppError("VALIDATION", `Nothing was imported: row ${first.row}: ${first.messages.join(" ")}`);
    }
    if (parsed.rows.length === 0) throw new AppError("VALIDATION", "The file has no feature rows: nothing to import.");
    const outcome = await importFeatures(
      parsed.rows.map((input, i) => ({ row: parsed.rowNumbers[i], input })),
      principal,
    );
    revalidatePath("/inventory");
    return {
      ok: true,
      data: { preview: null as ImportPreview | null },
      message: `Imported ${parsed.rows.length} feature${parsed.rows.length === 1 ? "" : "s"}: ${outcome.created.length} created, ${outcome.updated.length} updated.`,
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
