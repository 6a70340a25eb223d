import { db } from "@/lib/db";
import { appendAudit } from "@/lib/audit-log/append";
import type { Principal } from "@/lib/auth/principal";
import { AppError } from "@/lib/errors";

// Feature x control mappings: a person confirms that a control applies to a feature, or that it
// does not, with a justification. Each confirmation is one audit entry in the same transaction.

/** Confirms a mapping (applies, or not with a justification) for one or more features x controls. */
export async function setMappings(
  pairs: { slug: string; code: string }[],
  decision: { applies: boolean; justification?: string | null },
  { actor }: Principal,
) {
  if (!decision.applies && !decision.justification) {
    throw new AppError("UNPROCESSABLE", "A control that does not apply needs a justification.", {
      justification: ["Say why it does not apply."],
    });
  }
  return db.$transaction(async (tx) => {
    const results = [];
    for (const { slug, code } of pairs) {
      const feature = await tx.feature.findUnique({ where: { slug }, select: { id: true } });
      if (!feature) throw new AppError("NOT_FOUND", `There is no feature ${slug}.`);
      const control = await tx.control.findUnique({ where: { code }, select: { id: true } });
      if (!control) throw new AppError("NOT_FOUND", `There is no control ${code}.`);
      const key = { featureId_controlId: { featureId: feature.id, controlId: control.id } };
      const previous = await tx.featureControl.findUnique({ where: key });
      const data = {
        applies: decision.applies,
        justification: decision.applies ? null : (decision.justification ?? null),
        confirmedBy: actor.email,
        confirmedAt: new Date(),
      };
      await tx.featureControl.upsert({ where: key, create: { featureId: feature.id, controlId: control.id, ...data }, update: data });
      const after = { feature: slug, control: code, applies: data.applies, justification: data.justification };
      await appendAudit(tx, actor, {
        action: "mapping.confirmed",
        entityType: "FeatureControl",
        entityId: `${slug}:${code}`,
        before: previous ? { feature: slug, control: code, applies: previous.applies, justification: previous.justification } : null,
        after,
      });
      results.push(after);
    }
    return results;
  });
}
