import type { Metadata } from "next";
import Link from "next/link";
import { DetailList } from "@/components/person/detail-list";
import { Card } from "@/components/ui/card";
import { Money } from "@/components/ui/money";
import { requireRole } from "@/lib/auth/guard";
import { orNotFound } from "@/lib/auth/or-not-found";
import { db } from "@/lib/db/client";
import { formatDateCst, formatDateTimeCst } from "@/lib/domain/dates";
import { getStatementEntry } from "@/lib/services/get-statement-entry";

export const metadata: Metadata = { title: "明细详情" };

export default async function StatementEntryPage({ params }: { params: Promise<{ entryId: string }> }) {
  const principal = await requireRole("person");
  const { entryId } = await params;
  const detail = await orNotFound(getStatementEntry(db(), { personId: principal.id, entryId }));
  const { row, credit, settlement } = detail;
  return (
    <main className="space-y-4">
      <p className="text-sm no-print">
        <Link href="/me/statement" className="text-brand-700 underline">
          ← 返回个人账户明细
        </Link>
      </p>
      <h1 className="text-xl font-semibold">
        {row.kindText} · {formatDateCst(row.occurredAt)}
      </h1>
      <Card title="明细">
        <DetailList
          items={[
            { label: "类型", value: row.kindText, testId: "entry-kind" },
            { label: "摘要", value: row.description, testId: "entry-description" },
            ...(row.counterpartyMaskedName
              ? [{ label: "关联账户对方", value: row.counterpartyMaskedName }]
              : []),
            {
              label: "金额",
              value: (
                <Money
                  fen={row.amountFen}
                  signed
                  className={row.amountFen < 0n ? "text-red-700" : "text-green-800"}
                />
              ),
              testId: "entry-amount",
            },
            { label: "余额", value: <Money fen={row.balanceAfterFen} />, testId: "entry-balance" },
            { label: "发生日期", value: formatDateCst(row.occurredAt) },
            { label: "记账时间", value: formatDateTimeCst(detail.postedAt) },
            { label: "流水号", value: <span className="tabular">{row.id.toString()}</span> },
          ]}
        />
        {settlement && (
          <p className="mt-3 text-sm">
            <Link href={`/me/settlements/${settlement.id}`} className="text-brand-700 underline">
              查看这笔结算:{settlement.institutionName}
            </Link>
          </p>
        )}
      </Card>
      {credit && (
        <Card title={`${credit.monthText}划入计算`}>
          <p className="text-base" data-testid="credit-computation">
            {credit.explanation}
          </p>
          <table className="mt-3 w-full max-w-md text-sm">
            <caption className="sr-only">本次划入及同时扣缴的项目</caption>
            <thead>
              <tr className="border-b border-slate-200 text-left text-slate-600">
                <th scope="col" className="py-1 pr-3 font-medium">
                  项目
                </th>
                <th scope="col" className="py-1 text-right font-medium">
                  金额
                </th>
              </tr>
            </thead>
            <tbody>
              {credit.lines.map((l) => (
                <tr key={l.id.toString()} className="border-b border-slate-100">
                  <th scope="row" className="py-1 pr-3 text-left font-normal">
                    {l.kindText}
                  </th>
                  <td className="py-1 text-right">
                    <Money fen={l.amountFen} signed />
                  </td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row" className="py-1 pr-3 text-left font-medium">
                  本月账户净增加
                </th>
                <td className="py-1 text-right font-medium" data-testid="credit-net">
                  <Money fen={credit.netFen} signed />
                </td>
              </tr>
            </tfoot>
          </table>
          {credit.baseFen !== null && (
            <p className="mt-3 text-sm text-slate-700">
              在职职工个人账户按本人缴纳的基本医疗保险费划入;长期护理保险个人缴费同时从个人账户扣缴。
            </p>
          )}
          {credit.baseFen === null && (
            <p className="mt-3 text-sm text-slate-700">
              退休人员个人账户按月定额划入(满70周岁的当月起提高),同时扣缴大额医疗互助和长期护理保险个人缴费。
            </p>
          )}
        </Card>
      )}
    </main>
  );
}
