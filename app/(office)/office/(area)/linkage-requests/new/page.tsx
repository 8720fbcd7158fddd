import type { Metadata } from "next";
import { CounterRequestForm } from "@/components/office/forms";
import { Card } from "@/components/ui/card";
import { requireRole } from "@/lib/auth/guard";
import { createCounterRequestAction } from "../actions";

export const metadata: Metadata = { title: "窗口受理账户关联" };

export default async function NewCounterRequestPage() {
  await requireRole("staff");
  return (
    <main className="mx-auto max-w-xl space-y-4">
      <h1 className="text-xl font-semibold">窗口受理账户关联申请</h1>
      <p className="text-sm text-slate-700">
        提供人本人到场,携带本人身份证、社会保障卡原件及复印件和使用人填写的申请表。受理后须由另一名工作人员审批(岗位分离)。
      </p>
      <Card>
        <CounterRequestForm action={createCounterRequestAction} />
      </Card>
    </main>
  );
}
