import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ReasonForm } from "@/components/office/forms";
import { Card } from "@/components/ui/card";
import { FormMessage } from "@/components/ui/form-message";
import { Money } from "@/components/ui/money";
import { requestIp } from "@/lib/auth/client-ip";
import { requireRole } from "@/lib/auth/guard";
import { routeId } from "@/lib/auth/route-id";
import { db } from "@/lib/db/client";
import { formatDateTimeCst } from "@/lib/domain/dates";
import { isDomainError } from "@/lib/domain/errors";
import { getLinkage, type LinkageDetail } from "@/lib/services/get-linkage";
import { cancelLinkageAction } from "../../linkage-requests/actions";

export const metadata: Metadata = { title: "账户关联" };

export default async function LinkagePage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const principal = await requireRole("staff");
  const linkageId = routeId((await params).id);
  const done = (await searchParams).done;
  let l: LinkageDetail;
  try {
    l = await getLinkage(db(), { staffId: principal.id, linkageId, ip: await requestIp() });
  } catch (error) {
    if (isDomainError(error) && error.code === "NOT_FOUND") notFound();
    throw error;
  }
  return (
    <main className="space-y-4">
      {l.requestId && (
        <p className="text-sm">
          <Link href={`/office/linkage-requests/${l.requestId}`} className="text-brand-700 underline">
            ← 关联申请 #{l.requestId}
          </Link>
        </p>
      )}
      <h1 className="text-xl font-semibold">
        账户关联 #{l.id}{" "}
        <span className="ml-2 align-middle text-base font-normal" data-testid="linkage-status">
          {l.statusText}
        </span>
      </h1>
      {done === "cancelled" && (
        <FormMessage tone="success" message="已取消该关联。双方如需重新关联,须重新申请。" />
      )}
      <Card>
        <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
          <dt className="text-slate-600">使用人</dt>
          <dd>
            {l.user.maskedName} <span className="tabular">{l.user.maskedIdNumber}</span>
          </dd>
          <dt className="text-slate-600">提供人</dt>
          <dd>
            {l.provider.maskedName} <span className="tabular">{l.provider.maskedIdNumber}</span>
          </dd>
          <dt className="text-slate-600">办理机构</dt>
          <dd>{l.agencyName}</dd>
          <dt className="text-slate-600">生效</dt>
          <dd>
            {formatDateTimeCst(l.approvedAt)}
            {l.approvedByText && ` · 审批人 ${l.approvedByText}`}
          </dd>
          {l.cancelledAt && (
            <>
              <dt className="text-slate-600">取消</dt>
              <dd>
                {formatDateTimeCst(l.cancelledAt)}
                {l.cancelledByText && ` · ${l.cancelledByText}`} · 原因:{l.cancelReason}
              </dd>
            </>
          )}
          <dt className="text-slate-600">关联支付</dt>
          <dd>
            {l.settlementCount} 笔,共 <Money fen={l.linkedPaidFen} />
          </dd>
        </dl>
      </Card>
      {l.status === "ACTIVE" && (
        <Card title="取消关联">
          {l.canCancel ? (
            <ReasonForm
              action={cancelLinkageAction}
              hidden={{ linkageId: l.id }}
              label="取消原因"
              hint="取消后双方即可分别办理新的关联"
              submit="取消关联"
              ariaLabel="取消关联"
            />
          ) : (
            <p className="text-sm text-red-800" data-testid="cannot-cancel">
              {l.whyNot}
            </p>
          )}
        </Card>
      )}
    </main>
  );
}
