"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

export interface NavItem {
  href: string;
  label: string;
  show?: boolean;
  /** A number shown beside the label, and the link's accessible name that says what it counts. */
  count?: number;
  countLabel?: string;
}

/** The item the page belongs to: the longest href that prefixes the path ("/evidence/review" over "/evidence"). */
function currentHref(items: NavItem[], pathname: string): string | undefined {
  return items
    .map((i) => i.href)
    .filter((href) => pathname === href || pathname.startsWith(`${href}/`))
    .sort((a, b) => b.length - a.length)[0];
}

export function NavLinks({ items }: { items: NavItem[] }) {
  const current = currentHref(items, usePathname());
  return (
    <nav aria-label="Main">
      {items.map((item) => (
        <Link
          key={item.href}
          href={item.href}
          aria-current={item.href === current ? "page" : undefined}
          aria-label={item.count ? item.countLabel : undefined}
        >
          {item.label}
          {/* A space between label and count: the visible text ("Review 2") is then part of the name ("Review, 2 waiting"). */}
          {item.count ? " " : null}
          {item.count ? (
            <span className="count" aria-hidden="true">
              {item.count}
            </span>
          ) : null}
        </Link>
      ))}
    </nav>
  );
}
