import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { db } from "@/lib/db";
import { SetupForm } from "@/components/auth/setup-form";
import { PASSWORD_RULE } from "@/lib/validations/password";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "First-run setup" };

// Shown once: while no user exists. After that it sends everyone to sign-in.
export default async function SetupPage() {
  if ((await db.user.count()) > 0) redirect("/signin");
  return (
    <main className="auth-wrap">
      <div className="card auth-card">
        <h1>Set up Attest</h1>
        <p className="lede">
          Create the first administrator. There is no default account: this page works only until the first user exists.
        </p>
        <SetupForm passwordRule={PASSWORD_RULE} />
      </div>
    </main>
  );
}
