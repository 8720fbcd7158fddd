import type { Metadata } from "next";
import Link from "next/link";
import { Card } from "@/components/ui/card";
import { FormMessage } from "@/components/ui/form-message";
import { requireRole } from "@/lib/auth/guard";
import { db } from "@/lib/db/client";
import { getStaffProfile } from "@/lib/services/get-principal-profile";

export const metadata: Metadata = { title: "经办工作台" };

export default async function OfficeHomePage() {
  const principal = await requireRole("staff");
  const profile = await getStaffProfile(db(), principal.id);
  const staff = await db().staff.findUniqueOrThrow({
    where: { id: principal.id },
    select: { agencyId: true, totpEnabledAt: true },
  });
  const pending = await db().linkageRequest.count({ where: { agencyId: staff.agencyId, status: "PENDING" } });
  return (
    <main className="space-y-4">
      <h1 className="text-xl font-semibold">经办工作台</h1>
      {!staff.totpEnabledAt && (
        <FormMessage message="您尚未启用动态口令(第二重验证)。请到“动态口令”页面用手机身份验证器扫码启用。" />
      )}
      <Card title="当前登录">
        <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-2 text-sm">
          <dt className="text-slate-600">工号</dt>
          <dd className="tabular" data-testid="staff-number">
            {profile.staffNumber}
          </dd>
          <dt className="text-slate-600">姓名</dt>
          <dd>{profile.name}</dd>
          <dt className="text-slate-600">所属机构</dt>
          <dd>{profile.agencyName}</dd>
        </dl>
      </Card>
      <div className="grid gap-4 sm:grid-cols-3">
        <Card title="账户关联申请">
          <p className="text-sm">
            本机构待审核{" "}
            <span className="tabular text-lg font-semibold" data-testid="pending-count">
              {pending}
            </span>{" "}
            件
          </p>
          <div className="mt-2 flex flex-wrap gap-x-4 text-sm">
            <Link href="/office/linkage-requests" className="text-brand-700 underline">
              处理申请
            </Link>
            <Link href="/office/linkage-requests/new" className="text-brand-700 underline">
              窗口受理
            </Link>
          </div>
        </Card>
        <Card title="人员查询">
          <p className="text-sm text-slate-700">
            按身份证号或社保卡号查询,须填写原因;社保卡挂失、补卡在人员页面办理。
          </p>
          <Link href="/office/persons" className="mt-2 inline-block text-sm text-brand-700 underline">
            查询人员
          </Link>
        </Card>
        <Card title="审计日志">
          <p className="text-sm text-slate-700">
            每次查询与操作均有记录,可按工作人员、参保人、操作和日期筛选。
          </p>
          <Link href="/office/audit" className="mt-2 inline-block text-sm text-brand-700 underline">
            查看日志
          </Link>
        </Card>
      </div>
    </main>
  );
}
