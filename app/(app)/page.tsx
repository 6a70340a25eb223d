import { redirect } from "next/navigation";
import { requirePage } from "@/lib/auth/guard";

export const dynamic = "force-dynamic";

// Home is the dashboard: it opens with what is the signed-in person's to do (docs/dashboard.md).
export default async function HomePage() {
  await requirePage();
  redirect("/dashboard");
}
