import type { Metadata } from "next";
import Link from "next/link";
import { PrintButton } from "@/components/documents/print-button";
import { StatementFiguresView } from "@/components/documents/statement-figures";
import { VerificationBox } from "@/components/documents/verification-box";
import { verifyUrlFor } from "@/components/documents/verify-url";
import { Money } from "@/components/ui/money";
import { requireRole } from "@/lib/auth/guard";
import { orNotFound } from "@/lib/auth/or-not-found";
import { db } from "@/lib/db/client";
import { formatDateCst } from "@/lib/domain/dates";
import { getOwnDocument } from "@/lib/services/get-own-document";
import { listDocumentEntries } from "@/lib/services/list-document-entries";

export const metadata: Metadata = { title: "个人账户对账单" };

const ID = /^\d{1,9}$/;

function loadStatement(personId: number, id: string) {
  return orNotFound(
    getOwnDocument(db(), { personId, documentId: ID.test(id) ? Number(id) : Number.NaN, kind: "STATEMENT" }),
  );
}

export default async function StatementDocumentPage({ params }: { params: Promise<{ id: string }> }) {
  const principal = await requireRole("person");
  const document = await loadStatement(principal.id, (await params).id);
  const { facts } = document;
  const [entries, verifyUrl] = await Promise.all([
    listDocumentEntries(db(), { personId: principal.id, facts }),
    verifyUrlFor(document.code),
  ]);
  return (
    <main className="space-y-4">
      <style>{"@page { size: A4; margin: 15mm; }"}</style>
      <div className="no-print flex flex-wrap items-center justify-between gap-3">
        <Link href="/me/statement/print" className="text-sm text-brand-700 underline">
          ← 返回对账单列表
        </Link>
        <PrintButton>打印对账单</PrintButton>
      </div>
      {document.expired && (
        <p
          role="alert"
          className="no-print rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900"
        >
          此对账单的验证码已过期,对方将无法查验。请重新生成。
        </p>
      )}
      <article className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm print:border-0 print:p-0 print:shadow-none">
        <h1 className="text-center text-xl font-semibold tracking-wide">
          重庆市职工医保个人账户对账单({facts.year}年)
        </h1>
        <dl className="mt-4 grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm sm:grid-cols-[auto_1fr_auto_1fr]">
          <dt className="text-slate-700">姓名</dt>
          <dd>{facts.name}</dd>
          <dt className="text-slate-700">身份证号</dt>
          <dd className="tabular">{facts.maskedIdNumber}</dd>
          <dt className="text-slate-700">个人编号</dt>
          <dd className="tabular">{facts.personalNumber}</dd>
          <dt className="text-slate-700">对账期间</dt>
          <dd className="tabular" data-testid="statement-period">
            {facts.from} 至 {facts.to}
          </dd>
        </dl>
        <div className="mt-4">
          <StatementFiguresView facts={facts} />
        </div>
        {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard (WCAG 2.1.1) */}
        <section className="-mx-1 mt-4 overflow-x-auto px-1" tabIndex={0} aria-label="账户明细表">
          <table className="w-full border-collapse text-sm">
            <caption className="mb-1 text-left font-medium">
              账户明细(共 {facts.entryCount} 笔,按发生顺序)
            </caption>
            <thead>
              <tr className="border-b border-slate-300 text-left">
                <th scope="col" className="py-1.5 pr-3 font-medium">
                  日期
                </th>
                <th scope="col" className="py-1.5 pr-3 font-medium">
                  类型
                </th>
                <th scope="col" className="hidden py-1.5 pr-3 font-medium sm:table-cell print:table-cell">
                  摘要
                </th>
                <th scope="col" className="py-1.5 pr-3 text-right font-medium">
                  金额
                </th>
                <th scope="col" className="py-1.5 text-right font-medium">
                  余额
                </th>
              </tr>
            </thead>
            <tbody>
              {entries.map((e) => (
                <tr
                  key={e.id.toString()}
                  className="border-b border-slate-200 align-top print:break-inside-avoid"
                  data-testid="printed-entry"
                >
                  <td className="tabular py-1.5 pr-3 whitespace-nowrap">{formatDateCst(e.occurredAt)}</td>
                  <td className="py-1.5 pr-3">{e.kindText}</td>
                  <td className="hidden py-1.5 pr-3 sm:table-cell print:table-cell">
                    {e.description}
                    {e.counterpartyMaskedName && `(${e.counterpartyMaskedName})`}
                  </td>
                  <td className="py-1.5 pr-3 text-right">
                    <Money fen={e.amountFen} signed />
                  </td>
                  <td className="py-1.5 text-right">
                    <Money fen={e.balanceAfterFen} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {entries.length === 0 && <p className="mt-2 text-sm text-slate-700">本期间没有明细。</p>}
        </section>
        <VerificationBox
          code={document.code}
          issuedAt={document.issuedAt}
          expiresAt={document.expiresAt}
          verifyUrl={verifyUrl}
          expired={document.expired}
        />
      </article>
    </main>
  );
}
