import "server-only";
import { db } from "@/lib/db";
import { appendAudit } from "@/lib/audit-log/append";
import type { Principal } from "@/lib/auth/principal";
import { AppError } from "@/lib/errors";
import { controlToJson, getControl } from "@/lib/controls/queries";
import type { ControlPatch } from "@/lib/validations/control";

/**
 * Updates a control's gap-assessment fields and writes the audit entry in the same transaction.
 * Shared by the control page's server action and PATCH /api/v1/controls/{code}.
 */
export async function updateControl(code: string, patch: ControlPatch, { actor }: Principal) {
  return db.$transaction(async (tx) => {
    const before = await tx.control.findUnique({ where: { code }, include: { cat: true, criteria: true } });
    if (!before) throw new AppError("NOT_FOUND", `There is no control ${code}.`);
    const designStatus = patch.designStatus ?? before.designStatus;
    const justification = patch.justification !== undefined ? patch.justification : before.justification;
    if (designStatus === "NOT_APPLICABLE" && !justification) {
      throw new AppError("UNPROCESSABLE", "A control marked not applicable needs a justification: say why it does not apply.", {
        justification: ["Say why this control does not apply."],
      });
    }
    await tx.control.update({
      where: { code },
      data: {
        designStatus: patch.designStatus,
        justification: patch.justification,
        frequency: patch.frequency,
        operatesSince:
          patch.operatesSince === undefined
            ? undefined
            : patch.operatesSince === null
              ? null
              : new Date(`${patch.operatesSince}T00:00:00Z`),
        owner: patch.owner,
        notes: patch.notes,
      },
    });
    const after = await tx.control.findUniqueOrThrow({
      where: { code },
      include: { cat: true, criteria: { include: { criterion: true } } },
    });
    const beforeJson = controlToJson({ ...before, criteria: [] } as never);
    const afterJson = controlToJson(after);
    const changed = Object.fromEntries(
      Object.keys(patch).map((k) => [k, [beforeJson[k as keyof typeof beforeJson], afterJson[k as keyof typeof afterJson]]]),
    );
    await appendAudit(tx, actor, {
      action: "control.updated",
      entityType: "Control",
      entityId: code,
      before: Object.fromEntries(Object.entries(changed).map(([k, v]) => [k, v[0]])),
      after: Object.fromEntries(Object.entries(changed).map(([k, v]) => [k, v[1]])),
    });
    return afterJson;
  });
}

export { getControl };
