"use server";

import { revalidatePath } from "next/cache";
import { action } from "@/lib/actions";
import { createToken, revokeToken } from "@/lib/tokens/service";
import { createTokenSchema, revokeTokenSchema, type CreatedToken } from "@/lib/validations/token";

export const createTokenAction = action("tokens:manage", createTokenSchema, async (input, principal) => {
  const created = await createToken(input, principal);
  revalidatePath("/settings/tokens");
  // The secret goes to the admin's browser in this one response and is kept nowhere else.
  return {
    ok: true,
    data: { id: created.id, name: created.name, prefix: created.prefix, secret: created.secret } satisfies CreatedToken,
    message: created.actsFor
      ? `Token "${created.name}" created, acting for ${created.actsFor} with their role ${created.role}. Copy it now: it is shown only once.`
      : `Token "${created.name}" created with the role ${created.role}. Copy it now: it is shown only once.`,
  };
});

export const revokeTokenAction = action("tokens:manage", revokeTokenSchema, async ({ tokenId }, principal) => {
  const revoked = await revokeToken(tokenId, principal);
  revalidatePath("/settings/tokens");
  return { ok: true, message: `Token "${revoked.name}" (${revoked.prefix}…) is revoked: calls with it now get 401.` };
});
