"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { action, type ActionResult } from "@/lib/actions";
import {
  addItems,
  assignReviewer,
  createReview,
  importCsvItems,
  removeItem,
  startReview,
  updateReview,
} from "@/lib/access-reviews/service";
import { mappingSchema } from "@/lib/access-reviews/csv";
import { notAccessCsv } from "@/lib/access-reviews/csv-import";
import { IMPORT_MAX_BYTES, IMPORT_MAX_LABEL, readUploadedText } from "@/lib/imports/upload";
import { accessReviewSchema, itemSchema } from "@/lib/validations/access-review";
import { fileNameSchema } from "@/lib/validations/evidence";
import { commaList } from "@/lib/validations/form-input";

// Access review preparation: create / edit, items by hand or from CSV, reviewers, start. Each action
// re-checks the access review's status on the server (a started access review's items are frozen).

const reviewId = z.uuid({ error: "Unknown access review." });
const done = (id: string) => {
  revalidatePath("/access-reviews");
  revalidatePath(`/access-reviews/${id}`);
};

export const createReviewAction = action(
  "access-reviews:write",
  accessReviewSchema,
  async (input, principal): Promise<ActionResult<{ id: string }>> => {
    const review = await createReview(input, principal);
    revalidatePath("/access-reviews");
    return { ok: true, data: { id: review.id }, message: `Created ${review.name}.` };
  },
);

export const updateReviewAction = action(
  "access-reviews:write",
  z.intersection(z.object({ reviewId }), accessReviewSchema),
  async ({ reviewId: id, ...input }, principal): Promise<ActionResult<{ id: string }>> => {
    const review = await updateReview(id, input, principal);
    done(id);
    return { ok: true, data: { id }, message: `Saved ${review.name}.` };
  },
);

export const addItemAction = action(
  "access-reviews:write",
  z.intersection(z.object({ reviewId }), itemSchema),
  async ({ reviewId: id, ...item }, principal): Promise<ActionResult> => {
    await addItems(id, [item], principal, "form");
    done(id);
    return { ok: true, message: `Added ${item.principal} on ${item.resource}.` };
  },
);

export const removeItemAction = action(
  "access-reviews:write",
  z.object({ reviewId, itemId: z.uuid({ error: "Unknown item." }) }),
  async ({ reviewId: id, itemId }, principal): Promise<ActionResult> => {
    await removeItem(id, itemId, principal);
    done(id);
    return { ok: true, message: "Item removed." };
  },
);

/** Chosen items (itemIds repeated) or every unassigned one (scope=unassigned), to one reviewer. */
export const assignReviewerAction = action(
  "access-reviews:write",
  z.object({
    reviewId,
    reviewer: z.email({ error: "Choose a reviewer." }),
    scope: z.enum(["selected", "unassigned"]).default("selected"),
    itemIds: z.preprocess(commaList, z.array(z.uuid({ error: "Unknown item." })).max(1000)),
  }),
  async ({ reviewId: id, reviewer, scope, itemIds }, principal): Promise<ActionResult> => {
    if (scope === "selected" && itemIds.length === 0) {
      return { ok: false, error: { code: "VALIDATION", message: "Tick the items to assign, or assign all unassigned items." } };
    }
    const result = await assignReviewer(id, scope === "unassigned" ? { unassigned: true } : { itemIds }, reviewer, principal);
    done(id);
    return { ok: true, message: `Assigned ${result.assigned} item${result.assigned === 1 ? "" : "s"} to ${result.reviewer}.` };
  },
);

/** The uploaded CSV as text (UTF-8), with its bytes for the audit entry's SHA-256. */
async function readCsv(file: unknown, csv: string | undefined): Promise<{ text: string; bytes?: Uint8Array }> {
  if (csv !== undefined) return { text: csv };
  const { text, bytes } = await readUploadedText(file, notAccessCsv);
  return { text, bytes };
}

/**
 * The client previews the file itself; this reads the same file (or `csv` text) again and imports
 * it all or nothing. The file goes as a file, not as text, so its bytes (and hash) are unchanged.
 */
export const importItemsAction = action(
  "access-reviews:write",
  z.intersection(
    z.object({
      reviewId,
      file: z.unknown().optional(),
      csv: z
        .string()
        .max(IMPORT_MAX_BYTES + 1024, { error: `The file is larger than ${IMPORT_MAX_LABEL}.` })
        .optional(),
      fileName: fileNameSchema.default("import.csv"),
    }),
    mappingSchema,
  ),
  async ({ reviewId: id, file, csv, fileName, ...mapping }, principal): Promise<ActionResult<{ imported: number }>> => {
    const { text, bytes } = await readCsv(file, csv);
    const { imported } = await importCsvItems(id, { text, bytes, fileName, mapping }, principal);
    done(id);
    return { ok: true, data: { imported }, message: `Imported ${imported} item${imported === 1 ? "" : "s"} from ${fileName}.` };
  },
);

export const startReviewAction = action(
  "access-reviews:write",
  z.object({ reviewId }),
  async ({ reviewId: id }, principal): Promise<ActionResult> => {
    const review = await startReview(id, principal);
    done(id);
    return { ok: true, message: `${review.name} started: ${review.progress.total} items are frozen and the reviewers can decide.` };
  },
);
