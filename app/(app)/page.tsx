import { redirect } from "next/navigation";
import { requirePage } from "@/lib/auth/guard";

export const dynamic = "force-dynamic";

// Until the dashboard exists, the controls matrix is home.
export default async function HomePage() {
  await requirePage();
  redirect("/controls");
}
