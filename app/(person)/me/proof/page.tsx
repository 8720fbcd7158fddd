import type { Metadata } from "next";
import Link from "next/link";
import { Card } from "@/components/ui/card";
import { requireRole } from "@/lib/auth/guard";
import { db } from "@/lib/db/client";
import { formatDateCst, formatDateTimeCst } from "@/lib/domain/dates";
import { DOCUMENT_VALID_DAYS } from "@/lib/domain/verification-code";
import { listOwnDocuments } from "@/lib/services/list-own-documents";
import { IssueProofForm } from "./issue-form";

export const metadata: Metadata = { title: "参保证明" };

export default async function ProofPage() {
  const principal = await requireRole("person");
  const documents = await listOwnDocuments(db(), { personId: principal.id, kind: "PROOF" });
  return (
    <main className="mx-auto max-w-2xl space-y-4">
      <h1 className="text-xl font-semibold">参保证明</h1>
      <Card title="开具参保证明">
        <p className="mb-3 text-sm text-slate-700">
          参保证明载明您的参保类别、参保起止时间和参保(待遇)状态,附带验证码,可打印后交给单位、学校等机构。对方可在
          <Link href="/verify" className="text-brand-700 underline">
            查验页面
          </Link>
          输入验证码核对真伪。验证码自开具之日起{DOCUMENT_VALID_DAYS.PROOF}天内有效,过期后请重新开具。
        </p>
        <IssueProofForm />
      </Card>
      <Card title="已开具的参保证明">
        {documents.length === 0 ? (
          <p className="text-sm text-slate-700">您还没有开具过参保证明。</p>
        ) : (
          <ul className="divide-y divide-slate-100 text-sm">
            {documents.map((d) => (
              <li
                key={d.id}
                className="flex flex-wrap items-center justify-between gap-2 py-2"
                data-testid="proof-item"
              >
                <span>
                  <span className="tabular">{formatDateTimeCst(d.issuedAt)}</span> 开具 ·{" "}
                  {d.expired ? (
                    <span className="text-red-700">已过期</span>
                  ) : (
                    <span>有效期至 {formatDateCst(d.expiresAt)}</span>
                  )}
                </span>
                <Link href={`/me/proof/${d.id}`} className="text-brand-700 underline">
                  查看并打印<span className="sr-only">({formatDateTimeCst(d.issuedAt)}开具的参保证明)</span>
                </Link>
              </li>
            ))}
          </ul>
        )}
      </Card>
    </main>
  );
}
