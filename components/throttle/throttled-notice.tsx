import Link from "next/link";
import { waitText } from "@/lib/domain/rate-limit";

/**
 * What a throttled public page shows instead of its content (lib/auth/throttle.ts pageWaitByAddress):
 * a plain Chinese explanation and when to come back, never an error page or a stack trace.
 */
export function ThrottledNotice({ title, retryAfterSeconds }: { title: string; retryAfterSeconds: number }) {
  return (
    <main className="mx-auto max-w-2xl space-y-4">
      <h1 className="text-xl font-semibold">{title}</h1>
      <section
        role="alert"
        className="rounded-lg border border-amber-300 bg-amber-50 p-4 text-sm text-amber-950"
        data-testid="throttled"
      >
        <h2 className="text-base font-semibold">查询过于频繁,请{waitText(retryAfterSeconds)}后再试</h2>
        <p className="mt-1">
          为保障系统稳定,同一网络地址在短时间内的查询次数有限。请稍候再刷新本页;如需帮助,请拨打医保服务热线 12333。
        </p>
      </section>
      <p className="text-sm">
        <Link href="/" className="text-brand-700 underline">
          返回首页
        </Link>
      </p>
    </main>
  );
}
