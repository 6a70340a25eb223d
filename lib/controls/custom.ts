import "server-only";
import { db, type Tx } from "@/lib/db";
import { appendAudit } from "@/lib/audit-log/append";
import type { Principal } from "@/lib/auth/principal";
import { AppError } from "@/lib/errors";
import { controlToJson } from "@/lib/controls/queries";
import type { ControlDefinitionPatch, CustomControlCreate } from "@/lib/validations/control";

// Writes to a control's definition (code, text, category, criteria, frequency, expected
// evidence). Shared by the server actions of /controls/new and /controls/[code]/edit and by
// POST /api/v1/controls; each write and its audit entry commit together.

const withCriteria = { cat: true, criteria: { include: { criterion: true }, orderBy: { criterion: { sortOrder: "asc" } } } } as const;

const TEXT_FIELDS = ["title", "description", "category", "frequency", "expectedEvidence"] as const;

/** Refuses criterion ids that are not official Trust Services criteria (400, naming them). */
async function assertKnownCriteria(tx: Tx, ids: string[]) {
  const known = new Set((await tx.criterion.findMany({ where: { id: { in: ids } }, select: { id: true } })).map((c) => c.id));
  const unknown = ids.filter((id) => !known.has(id));
  if (unknown.length) {
    const message = `Unknown criteria: ${unknown.join(", ")}. Use official Trust Services criteria ids such as CC6.1 or P4.2.`;
    throw new AppError("VALIDATION", message, { criteria: [message] });
  }
}

const duplicate = (code: string) =>
  new AppError("CONFLICT", `A control with the code ${code} already exists. Choose another code.`, {
    code: [`${code} is already taken.`],
  });

export async function createCustomControl(input: CustomControlCreate, { actor }: Principal) {
  try {
    return await db.$transaction(async (tx) => {
      if (await tx.control.findUnique({ where: { code: input.code }, select: { id: true } })) throw duplicate(input.code);
      await assertKnownCriteria(tx, input.criteria);
      const created = await tx.control.create({
        data: {
          code: input.code,
          title: input.title,
          description: input.description,
          category: input.category,
          frequency: input.frequency,
          expectedEvidence: input.expectedEvidence,
          custom: true,
          criteria: { create: input.criteria.map((criterionId) => ({ criterionId })) },
        },
        include: withCriteria,
      });
      const json = controlToJson(created);
      await appendAudit(tx, actor, { action: "control.created", entityType: "Control", entityId: created.code, after: json });
      return json;
    });
  } catch (error) {
    // Two creations racing past the check above: the unique index decides.
    if ((error as { code?: string })?.code === "P2002") throw duplicate(input.code);
    throw error;
  }
}

/**
 * Edits a control's definition. A custom control's text may change; the guide's 23 keep their
 * wording (it is the reference the auditor reads), but their criteria mapping may be adjusted,
 * because how a control maps to the criteria is a judgement the team and its auditor agree on.
 */
export async function updateControlDefinition(code: string, patch: ControlDefinitionPatch, { actor }: Principal) {
  return db.$transaction(async (tx) => {
    const before = await tx.control.findUnique({ where: { code }, include: withCriteria });
    if (!before) throw new AppError("NOT_FOUND", `There is no control ${code}.`);
    const beforeJson = controlToJson(before);
    if (!before.custom) {
      const changedText = TEXT_FIELDS.filter((f) => patch[f] !== undefined && patch[f] !== beforeJson[f]);
      if (changedText.length) {
        throw new AppError(
          "UNPROCESSABLE",
          `${code} is one of the guide's controls: its text, category, frequency and expected evidence stay as written. Only its criteria mapping can be changed here.`,
        );
      }
    }
    await assertKnownCriteria(tx, patch.criteria);
    await tx.controlCriterion.deleteMany({ where: { controlId: before.id } });
    await tx.controlCriterion.createMany({ data: patch.criteria.map((criterionId) => ({ controlId: before.id, criterionId })) });
    const text = before.custom ? Object.fromEntries(TEXT_FIELDS.map((f) => [f, patch[f]])) : {};
    const after = await tx.control.update({ where: { code }, data: text, include: withCriteria });
    const afterJson = controlToJson(after);
    const fields = [...TEXT_FIELDS, "criteria"] as const;
    const changed = fields.filter((f) => JSON.stringify(beforeJson[f]) !== JSON.stringify(afterJson[f]));
    await appendAudit(tx, actor, {
      action: "control.updated",
      entityType: "Control",
      entityId: code,
      before: Object.fromEntries(changed.map((f) => [f, beforeJson[f]])),
      after: Object.fromEntries(changed.map((f) => [f, afterJson[f]])),
    });
    return afterJson;
  });
}
