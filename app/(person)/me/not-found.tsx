import Link from "next/link";

/** Shown for an id in the address that is not the signed-in person's (or does not exist): the same answer for both. */
export default function PersonNotFound() {
  return (
    <main className="mx-auto max-w-md space-y-3">
      <h1 className="text-xl font-semibold">未找到该页面</h1>
      <p className="text-sm text-slate-700">您要查看的内容不存在,或不属于您本人。</p>
      <p className="text-sm">
        <Link href="/me" className="text-brand-700 underline">
          返回账户概览
        </Link>
      </p>
    </main>
  );
}
