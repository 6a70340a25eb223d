import type { Principal } from "@/lib/auth/principal";
import { navCounts, type NavCounts } from "@/lib/dashboard/todo";
import { logEvent } from "@/lib/log";
import { navItemsFor } from "@/components/shell/nav-items";
import { NavLinks } from "@/components/shell/nav-links";

// The navigation with the numbers of what waits for the person. The layout renders it inside a
// Suspense boundary whose fallback is the same navigation without numbers: the counts never hold
// the page back, and a count that cannot be read leaves the numbers out (logged) instead of
// breaking every page. The numbers are a hint; each section's page shows the real list.
export async function CountedNav({ principal }: { principal: Principal }) {
  let counts: NavCounts = {};
  try {
    counts = await navCounts(principal);
  } catch (error) {
    logEvent("nav.counts_failed", { error: error instanceof Error ? error.message : String(error) });
  }
  return <NavLinks items={navItemsFor(principal, counts)} />;
}
