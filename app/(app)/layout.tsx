import { Suspense } from "react";
import Link from "next/link";
import { requirePage } from "@/lib/auth/guard";
import { ROLE_LABELS } from "@/lib/permissions";
import { isDemoInstallation } from "@/lib/settings/queries";
import { navItemsFor } from "@/components/shell/nav-items";
import { CountedNav } from "@/components/shell/counted-nav";
import { Announcements } from "@/components/shell/announcements";
import { NavLinks } from "@/components/shell/nav-links";
import { SignOutButton } from "@/components/shell/sign-out-button";

export const dynamic = "force-dynamic";

// The signed-in shell. Navigation lists only the sections that exist and that the role may open;
// later sections (inventory, evidence, periods, ...) join this list as they are built.
export default async function AppLayout({ children }: { children: React.ReactNode }) {
  const principal = await requirePage();
  const demo = await isDemoInstallation();
  // eslint-disable-next-line no-restricted-syntax -- shown, not checked: the shell names the signed-in person's role
  const roleLabel = ROLE_LABELS[principal.user.role];
  return (
    <div className="shell">
      {/* The first Tab stop: past the navigation to the page's content (WCAG 2.4.1); main takes the focus (tabIndex -1). */}
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <aside className="sidebar">
        <Link className="brand" href="/dashboard">
          Attest
        </Link>
        <Suspense fallback={<NavLinks items={navItemsFor(principal)} />}>
          <CountedNav principal={principal} />
        </Suspense>
        <div className="who">
          <div data-testid="current-user">{principal.user.name}</div>
          <div className="role" data-testid="current-role">
            {roleLabel}
          </div>
          <SignOutButton />
        </div>
      </aside>
      <main className="main" id="main" tabIndex={-1}>
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
