"use client";

import { usePathname } from "next/navigation";
import { createContext, useCallback, useContext, useState } from "react";

// A page-level status line for outcomes whose form goes away with the change it made (an
// accepted item leaves the review queue; a withdrawn one loses its Withdraw button). It lives in
// the signed-in layout, so it survives the page re-rendering, and it belongs to the page it was
// said on: navigating elsewhere clears it.

const AnnounceContext = createContext<(message: string) => void>(() => {});

export function Announcements({ children }: { children: React.ReactNode }) {
  const pathname = usePathname();
  const [said, setSaid] = useState<{ message: string; path: string } | null>(null);
  const announce = useCallback((message: string) => setSaid({ message, path: window.location.pathname }), []);
  const visible = said && said.path === pathname ? said.message : null;
  return (
    <AnnounceContext.Provider value={announce}>
      <div aria-live="polite">
        {visible && (
          <div role="status" className="alert success announcement">
            {visible}{" "}
            <button type="button" className="link" onClick={() => setSaid(null)}>
              Dismiss
            </button>
          </div>
        )}
      </div>
      {children}
    </AnnounceContext.Provider>
  );
}

export const useAnnounce = () => useContext(AnnounceContext);
