import type { Metadata } from "next";
import { Card } from "@/components/ui/card";
import { FormMessage } from "@/components/ui/form-message";
import { Money } from "@/components/ui/money";
import { requireRole } from "@/lib/auth/guard";
import { db } from "@/lib/db/client";
import { formatDateCst, formatDateTimeCst } from "@/lib/domain/dates";
import { getOwnLinkage, LINKED_PAYMENTS_SHOWN } from "@/lib/services/get-own-linkage";
import { LinkageApplicationForm, WithdrawRequestForm } from "./linkage-forms";

export const metadata: Metadata = { title: "账户关联" };

const DONE: Record<string, string> = {
  submitted:
    "关联申请已提交,状态为“待审核”。请提供人携带本人身份证、社会保障卡原件及复印件,到其参保的经办机构办理,经办人员审核通过后关联生效。",
  withdrawn: "关联申请已撤回。",
};

const ROLE_TEXT = { USER: "使用人", PROVIDER: "提供人" } as const;

export default async function LinkagePage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const principal = await requireRole("person");
  const done = (await searchParams).done;
  const linkage = await getOwnLinkage(db(), { personId: principal.id });
  const active = linkage.active;
  return (
    <main className="mx-auto max-w-3xl space-y-4">
      <h1 className="text-xl font-semibold">个人账户关联使用</h1>
      {typeof done === "string" && DONE[done] && <FormMessage tone="success" message={DONE[done]} />}

      <Card title="当前关联">
        {active ? (
          <div className="space-y-3 text-sm" data-testid="active-linkage">
            <p>
              您是这项关联的<strong data-testid="linkage-role">{ROLE_TEXT[active.role]}</strong>。
              {active.role === "USER"
                ? "您本人账户余额用完后,可使用提供人个人账户的资金支付;提供人不能使用您的资金。"
                : "使用人本人账户余额用完后,可使用您个人账户的资金支付;您不能使用使用人的资金。"}
            </p>
            <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1.5">
              <dt className="text-slate-700">{active.role === "USER" ? "提供人" : "使用人"}</dt>
              <dd data-testid="linkage-other">{active.other.maskedName}</dd>
              <dt className="text-slate-700">身份证号</dt>
              <dd className="tabular">{active.other.maskedIdNumber}</dd>
              <dt className="text-slate-700">生效日期</dt>
              <dd className="tabular">{formatDateCst(active.approvedAt)}</dd>
              <dt className="text-slate-700">办理机构</dt>
              <dd>{active.agencyName}</dd>
            </dl>
            <p className="text-slate-700">
              如需变更,须先到办理关联的经办机构({active.agencyName})取消关联,再重新申请。
            </p>
          </div>
        ) : (
          <p className="text-sm text-slate-700">您目前没有有效的账户关联。</p>
        )}
      </Card>

      {active && (
        <Card
          title={active.role === "PROVIDER" ? "从您账户为使用人支付的费用" : "由提供人账户为您支付的费用"}
        >
          <p className="mb-2 text-sm" data-testid="linked-total">
            共 <span data-testid="linked-count">{linkage.paymentsTotal.count}</span> 笔,合计{" "}
            <strong data-testid="linked-sum">
              <Money fen={linkage.paymentsTotal.amountFen} />
            </strong>
            {linkage.paymentsTotal.count > LINKED_PAYMENTS_SHOWN &&
              `(下表列出最近 ${LINKED_PAYMENTS_SHOWN} 笔)`}
          </p>
          {linkage.payments.length === 0 ? (
            <p className="text-sm text-slate-700">还没有关联支付记录。</p>
          ) : (
            // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard (WCAG 2.1.1)
            <section className="-mx-4 overflow-x-auto px-4" tabIndex={0} aria-label="关联支付记录表">
              <table className="w-full text-sm">
                <caption className="sr-only">关联账户支付记录,按日期由近到远排列</caption>
                <thead>
                  <tr className="border-b border-slate-200 text-left text-slate-600">
                    <th scope="col" className="py-2 pr-3 font-medium">
                      日期
                    </th>
                    <th scope="col" className="py-2 pr-3 font-medium">
                      医药机构
                    </th>
                    <th scope="col" className="py-2 text-right font-medium">
                      关联账户支付
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {linkage.payments.map((p) => (
                    <tr
                      key={p.settlementId}
                      className="border-b border-slate-100 align-top"
                      data-testid="linked-payment"
                    >
                      <td className="tabular py-2 pr-3 whitespace-nowrap">{p.serviceDate}</td>
                      <td className="py-2 pr-3">
                        {p.institutionName}
                        <span className="block text-xs text-slate-600">{p.kindText}</span>
                      </td>
                      <td className="py-2 text-right">
                        <Money fen={p.amountFen} />
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </section>
          )}
        </Card>
      )}

      <Card title="申请记录">
        {linkage.requests.length === 0 ? (
          <p className="text-sm text-slate-700">没有关联申请记录。</p>
        ) : (
          <ul className="divide-y divide-slate-100 text-sm">
            {linkage.requests.map((r) => (
              <li key={r.id} className="space-y-1 py-2" data-testid="linkage-request">
                <p className="flex flex-wrap items-center gap-x-3 gap-y-1">
                  <strong data-testid="request-status">{r.statusText}</strong>
                  <span>
                    您作为{ROLE_TEXT[r.role]},{r.role === "USER" ? "提供人" : "使用人"} {r.other.maskedName}
                  </span>
                  <span className="text-slate-600">
                    {r.source === "ONLINE" ? "网上申请" : "柜台受理"} ·{" "}
                    <span className="tabular">{formatDateTimeCst(r.createdAt)}</span>
                  </span>
                </p>
                <p className="text-slate-700">
                  受理机构:{r.agencyName}
                  {r.status === "PENDING" &&
                    r.source === "ONLINE" &&
                    ",等待提供人携带证件到该机构办理并由工作人员审核"}
                  {r.decidedAt && `;处理时间 ${formatDateTimeCst(r.decidedAt)}`}
                  {r.decisionReason && `;${r.status === "REFUSED" ? "拒绝原因" : "说明"}:${r.decisionReason}`}
                </p>
                {r.canWithdraw && <WithdrawRequestForm requestId={r.id} providerMaskedName={r.other.maskedName} />}
              </li>
            ))}
          </ul>
        )}
      </Card>

      {!active && (
        <Card title="在线申请账户关联">
          <div className="mb-4 space-y-2 text-sm text-slate-800">
            <p>您作为使用人在此填写申请,申请使用提供人(如家人)的职工医保个人账户资金。办理流程:</p>
            <ol className="list-decimal space-y-1 pl-5">
              <li>填写提供人的社会保障卡号或身份证号和姓名,可先“检查是否符合条件”,系统会列出不符合的规则;</li>
              <li>
                提交后申请为“待审核”;提供人须携带本人身份证原件及复印件、社会保障卡原件及复印件,到提供人参保的经办机构办理;
              </li>
              <li>经办人员核对材料并审核通过后,关联生效;结果会显示在上面的“申请记录”中。</li>
            </ol>
            <p>
              关联规则:双方都须是重庆市职工医保参保人且待遇正常(不同区县可以);只能一对一关联,已有关联的人不能再关联;只有使用人可以使用提供人的资金。
            </p>
          </div>
          <LinkageApplicationForm />
        </Card>
      )}
    </main>
  );
}
