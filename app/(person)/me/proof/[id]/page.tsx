import type { Metadata } from "next";
import Link from "next/link";
import { PrintButton } from "@/components/documents/print-button";
import { ProofFactsView } from "@/components/documents/proof-facts";
import { VerificationBox } from "@/components/documents/verification-box";
import { verifyUrlFor } from "@/components/documents/verify-url";
import { requireRole } from "@/lib/auth/guard";
import { orNotFound } from "@/lib/auth/or-not-found";
import { db } from "@/lib/db/client";
import { categoryText } from "@/lib/domain/labels";
import { getOwnDocument } from "@/lib/services/get-own-document";

export const metadata: Metadata = { title: "参保证明" };

const ID = /^\d{1,9}$/;

function loadProof(personId: number, id: string) {
  return orNotFound(
    getOwnDocument(db(), { personId, documentId: ID.test(id) ? Number(id) : Number.NaN, kind: "PROOF" }),
  );
}

export default async function ProofDocumentPage({ params }: { params: Promise<{ id: string }> }) {
  const principal = await requireRole("person");
  const document = await loadProof(principal.id, (await params).id);
  const { facts } = document;
  const verifyUrl = await verifyUrlFor(document.code);
  return (
    <main className="mx-auto max-w-2xl space-y-4">
      <style>{"@page { size: A4; margin: 18mm; }"}</style>
      <div className="no-print flex flex-wrap items-center justify-between gap-3">
        <Link href="/me/proof" className="text-sm text-brand-700 underline">
          ← 返回参保证明
        </Link>
        <PrintButton>打印参保证明</PrintButton>
      </div>
      {document.expired && (
        <p
          role="alert"
          className="no-print rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900"
        >
          此参保证明的验证码已过期,对方将无法查验。请返回重新开具。
        </p>
      )}
      <article className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm print:border-0 print:p-0 print:shadow-none">
        <h1 className="text-center text-xl font-semibold tracking-wide">重庆市基本医疗保险参保证明</h1>
        <p className="mt-4 text-sm leading-7">
          兹证明 <strong>{facts.name}</strong>(身份证号 {facts.maskedIdNumber},个人编号 {facts.personalNumber}
          )参加
          {categoryText(facts.category, facts.tier)},截至 {facts.asOf} 的参保情况如下:
        </p>
        <div className="mt-3">
          <ProofFactsView facts={facts} name={facts.name} />
        </div>
        <p className="mt-4 text-sm">特此证明。</p>
        <p className="mt-2 text-right text-sm">{facts.agencyName}(网上开具)</p>
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
