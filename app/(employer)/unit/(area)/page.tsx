import type { Metadata } from "next";
import { Card } from "@/components/ui/card";
import { requireRole } from "@/lib/auth/guard";
import { db } from "@/lib/db/client";
import { getClerkProfile } from "@/lib/services/get-principal-profile";

export const metadata: Metadata = { title: "单位概览" };

export default async function UnitHomePage() {
  const principal = await requireRole("clerk");
  const profile = await getClerkProfile(db(), principal.id);
  return (
    <main className="space-y-4">
      <h1 className="text-xl font-semibold">{profile.unitName}</h1>
      <Card title="当前登录">
        <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-2 text-sm">
          <dt className="text-slate-600">单位编号</dt>
          <dd className="tabular" data-testid="unit-number">{profile.unitNumber}</dd>
          <dt className="text-slate-600">统一社会信用代码</dt>
          <dd className="tabular">{profile.maskedCreditCode}</dd>
          <dt className="text-slate-600">所在区县</dt>
          <dd>{profile.districtName}</dd>
          <dt className="text-slate-600">经办人</dt>
          <dd>
            {profile.name}({profile.username})
          </dd>
        </dl>
      </Card>
      <p className="text-sm text-slate-600">月度缴费、欠费及其对职工待遇的影响将在此处提供。</p>
    </main>
  );
}
