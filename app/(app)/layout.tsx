import Link from "next/link";
import { requirePage } from "@/lib/auth/guard";
import { awaitingReviewCount } from "@/lib/evidence/queries";
import { ROLE_LABELS } from "@/lib/permissions";
import { isDemoInstallation } from "@/lib/settings/queries";
import { navItemsFor, needsReviewCount } from "@/components/shell/nav-items";
import { Announcements } from "@/components/shell/announcements";
import { NavLinks } from "@/components/shell/nav-links";
import { SignOutButton } from "@/components/shell/sign-out-button";

export const dynamic = "force-dynamic";

// The signed-in shell. Navigation lists only the sections that exist and that the role may open;
// later sections (inventory, evidence, periods, ...) join this list as they are built.
export default async function AppLayout({ children }: { children: React.ReactNode }) {
  const user = await requirePage();
  const [demo, awaitingReview] = await Promise.all([isDemoInstallation(), needsReviewCount(user.role) ? awaitingReviewCount() : undefined]);
  const items = navItemsFor(user.role, { awaitingReview });
  return (
    <div className="shell">
      <aside className="sidebar">
        <Link className="brand" href="/">
          Attest
        </Link>
        <NavLinks items={items} />
        <div className="who">
          <div data-testid="current-user">{user.name}</div>
          <div className="role" data-testid="current-role">
            {ROLE_LABELS[user.role]}
          </div>
          <SignOutButton />
        </div>
      </aside>
      <main className="main" id="main">
        {demo && (
          <p className="demo-banner" role="note">
            This installation contains demo data loaded by <code>npm run demo</code>. Do not use it for a real audit.
          </p>
        )}
        <Announcements>{children}</Announcements>
      </main>
    </div>
  );
}
