import type { Metadata } from "next";
import { Card } from "@/components/ui/card";
import { requireRole } from "@/lib/auth/guard";
import { db } from "@/lib/db/client";
import { getStaffProfile } from "@/lib/services/get-principal-profile";

export const metadata: Metadata = { title: "经办工作台" };

export default async function OfficeHomePage() {
  const principal = await requireRole("staff");
  const profile = await getStaffProfile(db(), principal.id);
  return (
    <main className="space-y-4">
      <h1 className="text-xl font-semibold">经办工作台</h1>
      <Card title="当前登录">
        <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-2 text-sm">
          <dt className="text-slate-600">工号</dt>
          <dd className="tabular" data-testid="staff-number">{profile.staffNumber}</dd>
          <dt className="text-slate-600">姓名</dt>
          <dd>{profile.name}</dd>
          <dt className="text-slate-600">所属机构</dt>
          <dd>{profile.agencyName}</dd>
        </dl>
      </Card>
      <p className="text-sm text-slate-600">账户关联审批、社保卡挂失补办与人员查询将在此处提供,每次查询均记入审计日志。</p>
    </main>
  );
}
