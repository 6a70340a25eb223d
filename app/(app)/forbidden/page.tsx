import type { Metadata } from "next";
import { forbidden } from "next/navigation";
import { requirePage } from "@/lib/auth/guard";

export const metadata: Metadata = { title: "Not allowed" };

// The address older links and bookmarks use: it answers what any refused page answers, a 403 with
// app/(app)/forbidden.tsx (signed out: sign-in first, as everywhere).
export default async function ForbiddenPage() {
  await requirePage();
  forbidden();
}
