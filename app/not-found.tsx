import type { Metadata } from "next";
import Link from "next/link";

export const metadata: Metadata = { title: "页面不存在" };

/**
 * The answer for an address no route serves. Replaces Next's built-in 404, whose inline <style> and
 * style attributes the Content-Security-Policy (no 'unsafe-inline', proxy.ts) would block.
 */
export default function NotFound() {
  return (
    <main className="mx-auto max-w-md space-y-3">
      <h1 className="text-xl font-semibold">页面不存在</h1>
      <p className="text-sm text-slate-700">您访问的地址不存在,请检查后重试。</p>
      <p className="text-sm">
        <Link href="/" className="text-brand-700 underline">
          返回首页
        </Link>
      </p>
    </main>
  );
}
