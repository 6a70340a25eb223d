import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { userCount } from "@/lib/users/queries";
import { currentUser } from "@/lib/auth/session";
import { SignInForm } from "@/components/auth/sign-in-form";
import { safeCallbackPath } from "@/lib/auth/redirect";
import { publicUrl } from "@/lib/config";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string | string[] }> }) {
  if ((await userCount()) === 0) redirect("/setup");
  if (await currentUser()) redirect("/");
  const { callbackUrl } = await searchParams;
  // Only this app: resolved against its origin as a browser would, so "/\\evil.example" and
  // "/%09/evil.example" are recognised as other sites; a repeated parameter uses the first value.
  const next = safeCallbackPath(callbackUrl, publicUrl() ?? "http://localhost");
  return (
    <main className="auth-wrap">
      <div className="card auth-card">
        <h1>Sign in to Attest</h1>
        <p className="lede">SOC 2 evidence for your AI features.</p>
        <SignInForm callbackUrl={next} />
      </div>
    </main>
  );
}
