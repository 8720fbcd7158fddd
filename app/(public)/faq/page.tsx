import type { Metadata } from "next";
import Link from "next/link";
import { FAQ } from "@/components/public/faq-questions";
import { Hotlines } from "@/components/public/hotline";

export const metadata: Metadata = { title: "常见问题" };

export default function FaqPage() {
  return (
    <main className="space-y-6">
      <div>
        <h1 className="text-xl font-semibold">常见问题</h1>
        <p className="mt-1 text-sm text-slate-700">
          个人账户、社保卡、缴费与待遇、城乡居民医保、目录与定点机构的常见问题。政策以医保部门最新公布为准。
        </p>
      </div>

      <nav aria-label="问题目录" className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
        <ul className="grid gap-x-6 gap-y-3 sm:grid-cols-2">
          {FAQ.map((group) => (
            <li key={group.id}>
              <a
                href={`#${group.id}`}
                className="font-medium text-brand-800 underline-offset-4 hover:underline"
              >
                {group.title}
              </a>
              <ul className="mt-1 space-y-1 text-sm">
                {group.items.map((item) => (
                  <li key={item.id}>
                    <a href={`#${item.id}`} className="text-brand-700 underline underline-offset-2">
                      {item.question}
                    </a>
                  </li>
                ))}
              </ul>
            </li>
          ))}
        </ul>
      </nav>

      {FAQ.map((group) => (
        <section
          key={group.id}
          id={group.id}
          aria-labelledby={`${group.id}-title`}
          className="scroll-mt-4 space-y-3"
        >
          <h2 id={`${group.id}-title`} className="text-lg font-semibold">
            {group.title}
          </h2>
          {group.items.map((item) => (
            <article
              key={item.id}
              id={item.id}
              aria-labelledby={`${item.id}-q`}
              className="scroll-mt-4 rounded-lg border border-slate-200 bg-white p-4 shadow-sm"
              data-testid="faq-item"
            >
              <h3 id={`${item.id}-q`} className="font-semibold text-brand-800">
                {item.question}
              </h3>
              <div className="mt-2 space-y-2 text-sm leading-relaxed text-slate-800">{item.answer}</div>
              {item.links.length > 0 && (
                <ul className="mt-3 flex flex-wrap gap-2 text-sm">
                  {item.links.map((l) => (
                    <li key={l.href}>
                      <Link
                        href={l.href}
                        className="inline-block rounded-full border border-brand-600 px-3 py-1 text-brand-700 hover:bg-brand-50"
                      >
                        {l.label} →
                      </Link>
                    </li>
                  ))}
                </ul>
              )}
            </article>
          ))}
        </section>
      ))}

      <section aria-labelledby="more-help" className="rounded-lg border border-brand-100 bg-brand-50 p-4">
        <h2 id="more-help" className="mb-2 font-semibold">
          还有问题?
        </h2>
        <Hotlines />
        <p className="mt-2 text-sm">
          或到
          <Link href="/agencies" className="text-brand-700 underline">
            经办机构
          </Link>
          窗口咨询。
        </p>
      </section>
    </main>
  );
}
