import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { userCount } from "@/lib/users/queries";
import { SetupForm } from "@/components/auth/setup-form";
import { PASSWORD_RULE } from "@/lib/validations/password";
import { announceSetupCode, readOrCreateSetupCode } from "@/lib/auth/setup-code";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "First-run setup" };

// Shown once: while no user exists. After that it sends everyone to sign-in.
export default async function SetupPage() {
  if ((await userCount()) > 0) redirect("/signin");
  // Normally made and printed at start (instrumentation.ts); made here if its file was removed.
  const { code, created } = readOrCreateSetupCode();
  if (created) announceSetupCode(code);
  return (
    <main className="auth-wrap">
      <div className="card auth-card">
        <h1>Set up Attest</h1>
        <p className="lede">
          Create the first administrator. There is no default account: this page works only until the first user exists, and only with the
          one-time setup code that the server printed to its console when it started.
        </p>
        <SetupForm passwordRule={PASSWORD_RULE} />
      </div>
    </main>
  );
}
