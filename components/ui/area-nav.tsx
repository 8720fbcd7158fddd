import Link from "next/link";
import { SignOutButton } from "./sign-out-button";

/** The bar at the top of a signed-in area: who is signed in, where they can go, and sign-out. */
export function AreaNav({ who, links }: { who: string; links: { href: string; label: string }[] }) {
  return (
    <div className="mb-5 flex flex-wrap items-center justify-between gap-3 border-b border-slate-200 pb-3 no-print">
      <nav aria-label="栏目导航">
        <ul className="flex flex-wrap gap-x-4 gap-y-2 text-sm">
          {links.map((l) => (
            <li key={l.href}>
              <Link href={l.href} className="text-brand-700 underline-offset-4 hover:underline">
                {l.label}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <div className="flex items-center gap-3 text-sm">
        <span>{who}</span>
        <SignOutButton />
      </div>
    </div>
  );
}
