import type { Metadata } from "next";
import { Card } from "@/components/ui/card";
import { FormMessage } from "@/components/ui/form-message";
import { requireRole } from "@/lib/auth/guard";
import { db } from "@/lib/db/client";
import { PRE_LOSS_DAYS } from "@/lib/domain/card";
import { REISSUE_WORKING_DAYS } from "@/lib/domain/card-loss";
import { formatDateCst, formatDateTimeCst } from "@/lib/domain/dates";
import { getOwnCard } from "@/lib/services/get-own-card";
import { CancelPreLossForm, ReportPreLossForm } from "./card-forms";

export const metadata: Metadata = { title: "社保卡" };

const DONE: Record<string, string> = {
  reported:
    "预挂失已办理。预挂失10天内有效,到期自动失效;如需补卡,请在有效期内持身份证到经办机构办理正式挂失。",
  cancelled: "预挂失已撤销,社保卡恢复正常使用。",
};

export default async function CardPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const principal = await requireRole("person");
  const done = (await searchParams).done;
  const card = await getOwnCard(db(), { personId: principal.id });
  return (
    <main className="mx-auto max-w-2xl space-y-4">
      <h1 className="text-xl font-semibold">社会保障卡</h1>
      {typeof done === "string" && DONE[done] && <FormMessage tone="success" message={DONE[done]} />}
      <Card title="卡片状态">
        {card === null ? (
          <p className="text-sm text-slate-700">没有查到您名下的社会保障卡,请咨询经办机构或拨打12333。</p>
        ) : (
          <div className="space-y-4">
            <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1.5 text-sm">
              <dt className="text-slate-700">卡号</dt>
              <dd className="tabular">{card.maskedNumber}</dd>
              <dt className="text-slate-700">状态</dt>
              <dd>
                <strong data-testid="card-status">{card.statusText}</strong>
              </dd>
              <dt className="text-slate-700">发卡日期</dt>
              <dd className="tabular">{formatDateCst(card.issuedAt)}</dd>
              {card.preLoss && (
                <>
                  <dt className="text-slate-700">预挂失时间</dt>
                  <dd className="tabular">
                    {card.preLoss.reportedAt ? formatDateTimeCst(card.preLoss.reportedAt) : "—"}
                  </dd>
                  <dt className="text-slate-700">有效期至</dt>
                  <dd className="tabular">
                    <span data-testid="pre-loss-expires">{formatDateTimeCst(card.preLoss.expiresAt)}</span>
                    (还剩
                    {Math.ceil(card.preLoss.msLeft / 86_400_000)}天)
                  </dd>
                </>
              )}
              {card.status === "LOST" && card.reissueReadyOn && (
                <>
                  <dt className="text-slate-700">新卡预计</dt>
                  <dd className="tabular">{card.reissueReadyOn.toISOString().slice(0, 10)} 制作完成</dd>
                </>
              )}
            </dl>

            {card.status === "ACTIVE" && (
              <div className="space-y-3 border-t border-slate-200 pt-3">
                {card.lapsedPreLossAt && (
                  <p className="text-sm text-slate-700" data-testid="pre-loss-lapsed">
                    您的预挂失已于 {formatDateTimeCst(card.lapsedPreLossAt)} 满{PRE_LOSS_DAYS}
                    天自动失效,卡片已恢复正常使用。
                  </p>
                )}
                <h2 className="text-base font-semibold">卡片遗失?先在网上预挂失</h2>
                <ReportPreLossForm cardId={card.id} />
              </div>
            )}
            {card.status === "PRE_LOST" && (
              <div className="space-y-3 border-t border-slate-200 pt-3">
                <p className="text-sm">
                  预挂失期间刷卡结算会被拒绝,就医购药请使用医保电子凭证。有效期内找到卡片可撤销预挂失;到期未撤销的,预挂失自动失效,卡片恢复正常。
                </p>
                <CancelPreLossForm cardId={card.id} />
              </div>
            )}
            {card.status === "LOST" && (
              <p className="border-t border-slate-200 pt-3 text-sm">
                该卡已正式挂失,正式挂失不能撤销。新卡制作完成后,请持身份证到经办机构领取;在此之前可使用医保电子凭证就医购药。
              </p>
            )}
          </div>
        )}
      </Card>
      <Card title="办理须知">
        <ul className="list-disc space-y-1 pl-5 text-sm text-slate-800">
          <li>预挂失可在网上、电话(12333)或柜台办理,{PRE_LOSS_DAYS}天内有效,到期自动失效。</li>
          <li>预挂失有效期内找到卡片,可在本页撤销预挂失。</li>
          <li>
            确认遗失的,请在预挂失有效期内持身份证到经办机构办理正式挂失;正式挂失不能撤销,新卡约
            {REISSUE_WORKING_DAYS}个工作日后制作完成。
          </li>
          <li>预挂失或正式挂失期间,社保卡不能结算;医保电子凭证不受影响。</li>
        </ul>
      </Card>
    </main>
  );
}
