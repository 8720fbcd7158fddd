"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { useEffect, useRef } from "react";

export const SITE_LINKS = [
  { href: "/", label: "首页" },
  { href: "/agencies", label: "经办机构" },
  { href: "/institutions", label: "定点医药机构" },
  { href: "/drugs", label: "药品目录" },
  { href: "/treatments", label: "诊疗项目" },
  { href: "/calculator", label: "缴费计算器" },
  { href: "/faq", label: "常见问题" },
] as const;

function isCurrent(pathname: string, href: string): boolean {
  return href === "/" ? pathname === "/" : pathname === href || pathname.startsWith(`${href}/`);
}

/**
 * The site's navigation: a wrapping row from 640 px up, a <details> menu below it. Both are plain links
 * rendered on the server, so they work without JavaScript; the script only closes the menu after a
 * client-side navigation (the root layout, and so the open menu, survives it).
 */
export function SiteNav() {
  const pathname = usePathname();
  const menu = useRef<HTMLDetailsElement>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: close the menu whenever the path changes
  useEffect(() => {
    if (menu.current) menu.current.open = false;
  }, [pathname]);

  const items = (className: string) =>
    SITE_LINKS.map((l) => {
      const current = isCurrent(pathname, l.href);
      return (
        <li key={l.href}>
          <Link
            href={l.href}
            aria-current={current ? "page" : undefined}
            className={`${className} ${current ? "bg-white text-brand-800" : "text-white hover:bg-brand-600"}`}
          >
            {l.label}
          </Link>
        </li>
      );
    });

  return (
    <nav aria-label="网站导航" className="bg-brand-800">
      <div className="mx-auto max-w-5xl px-4">
        <details ref={menu} className="group py-1 sm:hidden">
          <summary className="flex min-h-11 cursor-pointer list-none items-center gap-2 rounded-md px-2 text-white focus:outline-none focus-visible:ring-2 focus-visible:ring-white [&::-webkit-details-marker]:hidden">
            <span aria-hidden="true" className="text-lg leading-none">
              ☰
            </span>
            <span>栏目菜单</span>
            <span aria-hidden="true" className="ml-auto text-xs group-open:rotate-180">
              ▼
            </span>
          </summary>
          <ul className="grid grid-cols-2 gap-1 pb-2 pt-1">{items("block rounded-md px-3 py-2.5")}</ul>
        </details>
        <ul className="hidden flex-wrap gap-1 py-1.5 text-sm sm:flex">
          {items("block rounded-md px-3 py-1.5")}
        </ul>
      </div>
    </nav>
  );
}
