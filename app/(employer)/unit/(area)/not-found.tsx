import Link from "next/link";
import { Card } from "@/components/ui/card";

/** A unit number, month or employee that is not the clerk's to see (or does not exist): nothing is told apart. */
export default function UnitNotFound() {
  return (
    <main className="space-y-4">
      <h1 className="text-xl font-semibold">未找到该记录</h1>
      <Card>
        <p className="text-sm text-slate-700">所查询的单位、月份或职工不存在,或不属于您所在的单位。</p>
        <Link href="/unit" className="mt-3 inline-block text-sm text-brand-700 underline underline-offset-4">
          返回单位概览
        </Link>
      </Card>
    </main>
  );
}
