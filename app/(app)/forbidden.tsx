import Link from "next/link";
import { currentPrincipal } from "@/lib/auth/session";
import { ROLE_LABELS, rolesWith } from "@/lib/permissions";

// What a page answers, with HTTP 403, when the caller's role may not open it: requirePage() calls
// forbidden() (lib/auth/guard.ts). It says why, and what to do next: go on elsewhere, or ask for a role.
export default async function Forbidden() {
  const principal = await currentPrincipal();
  const admins = rolesWith("users:manage").map((role) => ROLE_LABELS[role].toLowerCase());
  return (
    <>
      <h1>Not allowed</h1>
      <p className="lede">
        {principal
          ? // eslint-disable-next-line no-restricted-syntax -- shown, not checked: the page names the role that was refused
            `Your role, ${ROLE_LABELS[principal.user.role]}, does not open this page.`
          : "Your role does not open this page."}{" "}
        Nothing was changed.
      </p>
      <p>
        <Link href="/">Go to your home page</Link> and carry on from the navigation. If your work needs this page, ask an{" "}
        {admins.join(" or ")} to change your role.
      </p>
    </>
  );
}
