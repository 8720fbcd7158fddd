import type { Metadata, Viewport } from "next";
import Link from "next/link";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "重庆医保个人账户查询门户", template: "%s · 重庆医保个人账户查询门户" },
  description: "查询重庆职工医保个人账户余额、明细、缴费与就医结算记录",
};

export const viewport: Viewport = { width: "device-width", initialScale: 1 };

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="zh-CN">
      <body className="min-h-screen bg-slate-50 text-slate-900 antialiased">
        <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:bg-white focus:p-2">
          跳到主要内容
        </a>
        <header className="bg-brand-700 text-white no-print">
          <div className="mx-auto flex max-w-5xl items-center justify-between gap-3 px-4 py-3">
            <Link href="/" className="text-base font-semibold sm:text-lg">
              重庆医保个人账户查询
            </Link>
            <span className="text-sm text-brand-100">咨询电话 12333</span>
          </div>
        </header>
        <div id="main" className="mx-auto max-w-5xl px-4 py-6">
          {children}
        </div>
        <footer className="mx-auto max-w-5xl px-4 pb-8 pt-4 text-xs text-slate-600 no-print">
          <p>重庆市医疗保险管理中心 · 地址:重庆市渝中区人民路13号 · 电话 023-63892206 · 医保咨询 12333</p>
        </footer>
      </body>
    </html>
  );
}
