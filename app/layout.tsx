import type { Metadata, Viewport } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { SiteNav } from "@/components/public/site-nav";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "重庆医保个人账户查询门户", template: "%s · 重庆医保个人账户查询门户" },
  description:
    "查询重庆职工医保个人账户余额、明细、缴费与就医结算记录;经办机构、定点医药机构、药品目录和诊疗项目查询",
};

export const viewport: Viewport = { width: "device-width", initialScale: 1 };

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  // Every page is rendered per request: proxy.ts gives each response a fresh CSP nonce, and a page
  // prerendered at build time would carry scripts without it (blocked).
  await connection();
  return (
    <html lang="zh-CN">
      <body className="flex min-h-screen flex-col bg-slate-50 text-slate-900 antialiased">
        <a
          href="#main"
          className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-10 focus:bg-white focus:p-2 focus:text-brand-700"
        >
          跳到主要内容
        </a>
        <header className="bg-brand-700 text-white no-print">
          <div className="mx-auto flex max-w-5xl items-center justify-between gap-3 px-4 py-3">
            <Link href="/" className="text-base font-semibold sm:text-lg">
              重庆医保个人账户查询
            </Link>
            <a
              href="tel:12333"
              className="shrink-0 text-sm text-brand-100 underline-offset-4 hover:underline"
            >
              咨询电话 12333
            </a>
          </div>
          <SiteNav />
        </header>
        <div id="main" className="mx-auto w-full max-w-5xl flex-1 px-4 py-6">
          {children}
        </div>
        <footer className="border-t border-slate-200 bg-white text-xs text-slate-700 no-print">
          <div className="mx-auto max-w-5xl space-y-2 px-4 py-5">
            <ul className="flex flex-wrap gap-x-4 gap-y-1">
              <li>
                <Link href="/agencies" className="underline-offset-4 hover:underline">
                  经办机构地址电话
                </Link>
              </li>
              <li>
                <Link href="/faq" className="underline-offset-4 hover:underline">
                  常见问题
                </Link>
              </li>
              <li>
                <Link href="/calculator" className="underline-offset-4 hover:underline">
                  缴费测算
                </Link>
              </li>
              <li>
                <Link href="/verify" className="underline-offset-4 hover:underline">
                  明细与参保证明核验
                </Link>
              </li>
            </ul>
            <p>重庆市医疗保险管理中心 · 地址:重庆市渝中区人民路13号 · 邮编 400015 · 电话 023-63892206</p>
            <p>
              医保咨询 12333 · 医保统一查询电话 023-63892269 ·
              本站为演示系统,目录与机构数据为示例,以官方发布为准。
            </p>
          </div>
        </footer>
      </body>
    </html>
  );
}
