import type { Metadata } from "next";
import Link from "next/link";
import { DetailList } from "@/components/person/detail-list";
import { Card } from "@/components/ui/card";
import { Money } from "@/components/ui/money";
import { requireRole } from "@/lib/auth/guard";
import { orNotFound } from "@/lib/auth/or-not-found";
import { db } from "@/lib/db/client";
import { formatDateTimeCst } from "@/lib/domain/dates";
import { getSettlement } from "@/lib/services/get-settlement";

export const metadata: Metadata = { title: "结算详情" };

export default async function SettlementPage({ params }: { params: Promise<{ settlementId: string }> }) {
  const principal = await requireRole("person");
  const { settlementId } = await params;
  const s = await orNotFound(getSettlement(db(), { personId: principal.id, settlementId }));
  return (
    <main className="space-y-4">
      <p className="text-sm no-print">
        <Link href="/me/settlements" className="text-brand-700 underline">
          ← 返回就诊结算记录
        </Link>
      </p>
      <h1 className="text-xl font-semibold">
        {s.institution.name} · {s.kindText}
      </h1>
      <Card title="结算信息">
        <DetailList
          items={[
            { label: "就诊日期", value: s.serviceDate, testId: "settlement-date" },
            { label: "医药机构", value: s.institution.name, testId: "settlement-institution" },
            {
              label: "机构类别",
              value: `${s.institution.typeText}${s.institution.level ? ` · ${s.institution.level}` : ""} · ${s.institution.districtName}`,
            },
            { label: "结算类型", value: s.kindText, testId: "settlement-kind" },
            { label: "结算方式", value: s.channelText },
            { label: "结算单号", value: <span className="tabular break-all">{s.settlementNo}</span> },
            { label: "当日待遇状态", value: s.benefitStatusText, testId: "settlement-benefit" },
            { label: "结算时间", value: formatDateTimeCst(s.settledAt) },
          ]}
        />
      </Card>
      <Card title="费用与支付">
        <DetailList
          label="费用与支付"
          items={[
            { label: "医疗费用总额", value: <Money fen={s.totalFen} />, testId: "settlement-total" },
            { label: "统筹基金应付", value: <Money fen={s.fundPayableFen} /> },
            { label: "个人自付", value: <Money fen={s.selfPayFen} /> },
            { label: "统筹基金支付", value: <Money fen={s.fundPaidFen} />, testId: "settlement-fund" },
            { label: "个人账户支付", value: <Money fen={s.ownAccountFen} />, testId: "settlement-own" },
            {
              label: "关联账户支付",
              value: (
                <>
                  <Money fen={s.linkedAccountFen} />
                  {s.linkedProviderMaskedName && (
                    <span className="text-slate-600">(提供人 {s.linkedProviderMaskedName})</span>
                  )}
                </>
              ),
              testId: "settlement-linked",
            },
            { label: "现金支付", value: <Money fen={s.cashFen} />, testId: "settlement-cash" },
          ]}
        />
        {s.fundShiftedToSelfFen > 0n && (
          <p className="mt-3 rounded-md bg-amber-50 p-3 text-sm text-amber-950">
            就诊当日待遇状态为“{s.benefitStatusText}”,统筹基金应付的 <Money fen={s.fundShiftedToSelfFen} />{" "}
            改由个人支付。
          </p>
        )}
        <p className="mt-3 text-xs text-slate-600">
          个人自付部分先从本人个人账户支付,不足部分由关联账户支付,仍不足的以现金支付。
        </p>
        {s.ownEntryId !== null && (
          <p className="mt-2 text-sm">
            <Link href={`/me/statement/${s.ownEntryId}`} className="text-brand-700 underline">
              查看个人账户对应明细
            </Link>
          </p>
        )}
      </Card>
    </main>
  );
}
