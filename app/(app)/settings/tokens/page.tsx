import type { Metadata } from "next";
import { requirePage } from "@/lib/auth/guard";
import { listTokens, tokenPeople } from "@/lib/tokens/queries";
import { CreateTokenForm } from "@/components/settings/tokens/create-token-form";
import { TokensTable } from "@/components/settings/tokens/tokens-table";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "API tokens" };

export default async function TokensPage() {
  await requirePage("tokens:manage");
  const [tokens, people] = await Promise.all([listTokens(), tokenPeople()]);
  return (
    <>
      <h1>API tokens</h1>
      <p className="lede">
        Tokens let CI jobs and scripts call the API with <code>Authorization: Bearer att_…</code>. A token acts with its role, narrowed by
        its scopes, or for a person with their role: its uploads and reviews are then that person&apos;s. A token that acts for no one
        cannot accept or reject evidence, because a review needs a named reviewer. Attest stores only a hash: the token itself is shown
        once, when it is created. Revoked tokens stay listed.
      </p>
      {tokens.length === 0 ? (
        <div className="card empty">No API tokens yet. Create one below for each CI job or script that calls the API.</div>
      ) : (
        <TokensTable tokens={tokens} />
      )}
      <h2>Create a token</h2>
      <div className="card" style={{ maxWidth: 640 }}>
        <CreateTokenForm people={people} />
      </div>
    </>
  );
}
