import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { DocumentsList } from "@/components/office/documents-fieldset";
import { ApproveForm, ReasonForm } from "@/components/office/forms";
import { PreCheckList } from "@/components/office/pre-check";
import { Card } from "@/components/ui/card";
import { FormMessage } from "@/components/ui/form-message";
import { requestIp } from "@/lib/auth/client-ip";
import { requireRole } from "@/lib/auth/guard";
import { routeId } from "@/lib/auth/route-id";
import { db } from "@/lib/db/client";
import { formatDateTimeCst } from "@/lib/domain/dates";
import { isDomainError } from "@/lib/domain/errors";
import { getLinkageRequest, type LinkageRequestDetail } from "@/lib/services/get-linkage-request";
import { approveRequestAction, refuseRequestAction } from "../actions";

export const metadata: Metadata = { title: "关联申请详情" };

const DONE: Record<string, string> = {
  created: "已受理。请由另一名工作人员核对材料后审批。",
  approved: "已审批通过,账户关联即日生效。",
  refused: "已拒绝该申请。",
};

function PersonBlock({ title, p }: { title: string; p: LinkageRequestDetail["user"] }) {
  return (
    <div>
      <h3 className="text-sm font-semibold text-slate-900">{title}</h3>
      <dl className="mt-1 grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-sm">
        <dt className="text-slate-600">姓名</dt>
        <dd>{p.maskedName}</dd>
        <dt className="text-slate-600">身份证号</dt>
        <dd className="tabular">{p.maskedIdNumber}</dd>
        <dt className="text-slate-600">参保类别</dt>
        <dd>{p.categoryText}</dd>
        <dt className="text-slate-600">参保区县</dt>
        <dd>{p.districtName}</dd>
        <dt className="text-slate-600">待遇状态</dt>
        <dd>{p.benefitText}</dd>
      </dl>
    </div>
  );
}

export default async function LinkageRequestPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const principal = await requireRole("staff");
  const requestId = routeId((await params).id);
  const done = (await searchParams).done;
  let r: LinkageRequestDetail;
  try {
    r = await getLinkageRequest(db(), { staffId: principal.id, requestId, ip: await requestIp() });
  } catch (error) {
    if (isDomainError(error) && error.code === "NOT_FOUND") notFound();
    throw error;
  }

  return (
    <main className="space-y-4">
      <p className="text-sm">
        <Link href="/office/linkage-requests" className="text-brand-700 underline">
          ← 返回申请队列
        </Link>
      </p>
      <h1 className="text-xl font-semibold">
        关联申请 #{r.id}{" "}
        <span className="ml-2 align-middle text-base font-normal" data-testid="request-status">
          {r.statusText}
        </span>
      </h1>
      {typeof done === "string" && DONE[done] && <FormMessage tone="success" message={DONE[done]} />}

      <Card title="申请信息">
        <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
          <dt className="text-slate-600">受理方式</dt>
          <dd>{r.sourceText}</dd>
          <dt className="text-slate-600">经办机构</dt>
          <dd>{r.agencyName}</dd>
          <dt className="text-slate-600">受理</dt>
          <dd>
            {r.createdByText} · {formatDateTimeCst(r.createdAt)}
          </dd>
          {r.decidedAt && (
            <>
              <dt className="text-slate-600">处理</dt>
              <dd>
                {r.decidedByText} · {formatDateTimeCst(r.decidedAt)}
              </dd>
            </>
          )}
          {r.decisionReason && (
            <>
              <dt className="text-slate-600">拒绝原因</dt>
              <dd data-testid="decision-reason">{r.decisionReason}</dd>
            </>
          )}
        </dl>
        <div className="mt-4 grid gap-4 sm:grid-cols-2">
          <PersonBlock title="使用人(花费提供人账户)" p={r.user} />
          <PersonBlock title="提供人(提供个人账户)" p={r.provider} />
        </div>
      </Card>

      {r.status === "PENDING" && (
        <Card title={r.preCheck.ok ? "规则预检:全部通过" : "规则预检:有不通过的规则"}>
          <PreCheckList lines={r.preCheck.lines} />
        </Card>
      )}

      <Card title="材料清单">
        <DocumentsList documents={r.documents} />
      </Card>

      {r.linkage && (
        <Card title="账户关联">
          <p className="text-sm">
            关联 #{r.linkage.id}:{r.linkage.status === "ACTIVE" ? "有效" : "已取消"},
            {formatDateTimeCst(r.linkage.approvedAt)} 起生效
            {r.linkage.cancelledAt &&
              `,${formatDateTimeCst(r.linkage.cancelledAt)} 取消(${r.linkage.cancelReason ?? ""})`}
            。
          </p>
          <Link
            href={`/office/linkages/${r.linkage.id}`}
            className="mt-2 inline-block text-sm text-brand-700 underline"
          >
            {r.can.cancelLinkage ? "查看或取消关联" : "查看关联"}
          </Link>
        </Card>
      )}

      {r.status === "PENDING" && (
        <div className="grid gap-4 sm:grid-cols-2">
          <Card title="审批通过">
            {r.can.approve ? (
              <ApproveForm action={approveRequestAction} requestId={r.id} documents={r.documents} />
            ) : (
              <p className="text-sm text-red-800" data-testid="cannot-approve">
                {r.why.notMyAgency ?? r.why.createdByMe}
              </p>
            )}
          </Card>
          <Card title="拒绝申请">
            {r.can.decide ? (
              <ReasonForm
                action={refuseRequestAction}
                hidden={{ requestId: r.id }}
                label="拒绝原因"
                hint="申请人将看到此原因"
                submit="拒绝申请"
                ariaLabel="拒绝申请"
              />
            ) : (
              <p className="text-sm text-red-800">{r.why.notMyAgency}</p>
            )}
          </Card>
        </div>
      )}
    </main>
  );
}
