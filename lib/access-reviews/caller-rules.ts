import type { Principal } from "@/lib/auth/principal";
import { refused, type Verdict } from "@/lib/auth/verdict";

// Who may decide an access-review item, mark its revocation done, or sign an access review off. Pure
// predicates of the item and the Principal: the pages show the form or the reason, and
// lib/access-reviews/decisions.ts and sign-off.ts enforce the same verdict (403). A decision, a
// follow-up and a sign-off are recorded against a named person, so a token acting for nobody is
// refused. No I/O.

/** The person the caller is, or acts for: decisions and sign-offs are theirs. */
export function actsAsPerson(principal: Principal, what: string): Verdict<{ userId: string }> {
  if (principal.user === null)
    return refused(
      `${what} is recorded against a named person: sign in as yourself, or use a token that acts for you (an API token that acts for nobody cannot do it).`,
    );
  return { ok: true, userId: principal.user.id };
}

export interface ItemReviewer {
  reviewerId: string | null;
  /** The reviewer's e-mail, to say who may decide instead. */
  reviewerEmail: string | null;
}

/** Only the item's reviewer decides it (the access review's state is checked by the service: 409, not 403). */
export function canDecideItem(item: ItemReviewer, principal: Principal): Verdict<{ userId: string }> {
  if (!principal.may("access-reviews:decide"))
    return refused("Your access does not allow deciding access-review items (access-reviews:decide).");
  const person = actsAsPerson(principal, "An access-review decision");
  if (!person.ok) return person;
  if (item.reviewerId === person.userId) return person;
  return refused(
    item.reviewerId
      ? `This item is assigned to ${item.reviewerEmail}; only its reviewer can decide it.`
      : "This item has no reviewer yet; a compliance lead assigns one, and only that reviewer can decide it.",
  );
}

/** A compliance lead (access-reviews:write) or the item's reviewer records that a revocation was carried out. */
export function canMarkRevocationDone(item: Pick<ItemReviewer, "reviewerId">, principal: Principal): Verdict<{ userId: string }> {
  const person = actsAsPerson(principal, "Marking a revocation done");
  if (!person.ok) return person;
  if (principal.may("access-reviews:write") || (principal.may("access-reviews:decide") && item.reviewerId === person.userId)) return person;
  return refused("Only a compliance lead or the item's reviewer can mark its revocation done.");
}

/** A compliance lead or an admin (access-reviews:write), as a named person, signs an access review off. */
export function canSignOff(principal: Principal): Verdict<{ userId: string }> {
  if (principal.user === null)
    return refused(
      "A sign-off is recorded against a named person: sign in as yourself, or use a token that acts for you (an API token that acts for nobody cannot sign off).",
    );
  if (!principal.may("access-reviews:write")) return refused("Only a compliance lead or an admin can sign off an access review.");
  return { ok: true, userId: principal.user.id };
}
