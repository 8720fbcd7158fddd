import type { Metadata } from "next";
import Link from "next/link";
import { Card } from "@/components/ui/card";
import { requireRole } from "@/lib/auth/guard";
import { db } from "@/lib/db/client";
import { formatDateCst, formatDateTimeCst } from "@/lib/domain/dates";
import { DOCUMENT_VALID_DAYS } from "@/lib/domain/verification-code";
import { listOwnDocuments } from "@/lib/services/list-own-documents";
import { listStatementYears } from "@/lib/services/list-statement-years";
import { IssueStatementForm } from "./issue-form";

export const metadata: Metadata = { title: "打印对账单" };

export default async function PrintStatementPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const principal = await requireRole("person");
  const asked = Number((await searchParams).year);
  const [years, documents] = await Promise.all([
    listStatementYears(db(), { personId: principal.id }),
    listOwnDocuments(db(), { personId: principal.id, kind: "STATEMENT" }),
  ]);
  return (
    <main className="mx-auto max-w-2xl space-y-4">
      <h1 className="text-xl font-semibold">打印个人账户对账单</h1>
      <Card title="生成对账单">
        {years === null ? (
          <p className="text-sm text-slate-700">您没有职工医保个人账户,无需打印对账单。</p>
        ) : (
          <>
            <p className="mb-3 text-sm text-slate-700">
              对账单列出所选年度的上年结转、本年划入、本年支出、期末余额和每一笔明细,附带验证码;他人可在
              <Link href="/verify" className="text-brand-700 underline">
                查验页面
              </Link>
              核对真伪。验证码{DOCUMENT_VALID_DAYS.STATEMENT}天内有效。
            </p>
            <IssueStatementForm years={years} defaultYear={years.includes(asked) ? asked : years[0]} />
          </>
        )}
      </Card>
      <Card title="已生成的对账单">
        {documents.length === 0 ? (
          <p className="text-sm text-slate-700">您还没有生成过对账单。</p>
        ) : (
          <ul className="divide-y divide-slate-100 text-sm">
            {documents.map((d) => (
              <li
                key={d.id}
                className="flex flex-wrap items-center justify-between gap-2 py-2"
                data-testid="statement-document-item"
              >
                <span>
                  {d.year}年 · <span className="tabular">{formatDateTimeCst(d.issuedAt)}</span> 生成 ·{" "}
                  {d.expired ? (
                    <span className="text-red-700">已过期</span>
                  ) : (
                    <span>有效期至 {formatDateCst(d.expiresAt)}</span>
                  )}
                </span>
                <Link href={`/me/statement/print/${d.id}`} className="text-brand-700 underline">
                  查看并打印
                  <span className="sr-only">
                    ({d.year}年对账单,{formatDateTimeCst(d.issuedAt)}生成)
                  </span>
                </Link>
              </li>
            ))}
          </ul>
        )}
      </Card>
      <p className="text-sm">
        <Link href="/me/statement" className="text-brand-700 underline">
          ← 返回个人账户明细
        </Link>
      </p>
    </main>
  );
}
