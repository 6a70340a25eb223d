import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { db } from "@/lib/db";
import { currentUser } from "@/lib/auth/session";
import { SignInForm } from "@/components/auth/sign-in-form";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string }> }) {
  if ((await db.user.count()) === 0) redirect("/setup");
  if (await currentUser()) redirect("/");
  const { callbackUrl } = await searchParams;
  // Only same-site paths: never redirect a signed-in user to another origin.
  const next = callbackUrl && callbackUrl.startsWith("/") && !callbackUrl.startsWith("//") ? callbackUrl : "/";
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
