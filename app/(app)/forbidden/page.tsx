import type { Metadata } from "next";

export const metadata: Metadata = { title: "Not allowed" };

export default function ForbiddenPage() {
  return (
    <>
      <h1>Not allowed</h1>
      <p className="lede">Your role does not give access to that page. If you need it, ask an admin to change your role.</p>
    </>
  );
}
