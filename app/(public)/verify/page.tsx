import type { Metadata } from "next";
import { ProofFactsView } from "@/components/documents/proof-facts";
import { StatementFiguresView } from "@/components/documents/statement-figures";
import { Card } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { requestIp } from "@/lib/auth/client-ip";
import { pageWaitByAddress } from "@/lib/auth/throttle";
import { db } from "@/lib/db/client";
import { formatDateCst, formatDateTimeCst } from "@/lib/domain/dates";
import { waitText } from "@/lib/domain/rate-limit";
import { DOCUMENT_KIND_LABEL } from "@/lib/domain/verification-code";
import { verificationKey } from "@/lib/services/verification-key";
import { type VerifyResult, verifyDocument } from "@/lib/services/verify-document";

export const metadata: Metadata = { title: "文件真伪查验", referrer: "no-referrer" };
export const dynamic = "force-dynamic";

type Outcome = VerifyResult | { status: "LIMITED"; message: string };

/**
 * Look-ups are throttled per client address (RATE_LIMITS.verify: 30 a minute, counted in the database so
 * every app instance shares the count): plenty for a person, slow for a guesser (the signature does the rest).
 */
async function verify(code: string): Promise<Outcome> {
  const wait = await pageWaitByAddress("verify");
  if (wait !== null) return { status: "LIMITED", message: `查验过于频繁,请${waitText(wait)}后再试` };
  return verifyDocument(db(), { input: code, key: verificationKey(), ip: await requestIp() });
}

function Genuine({ result }: { result: Extract<VerifyResult, { status: "GENUINE" }> }) {
  return (
    <section aria-labelledby="result-heading" className="rounded-lg border-2 border-green-600 bg-green-50 p-4" data-testid="verify-result">
      <h2 id="result-heading" className="text-lg font-semibold text-green-900" role="status">
        ✓ 真实有效
      </h2>
      <p className="mt-1 text-sm text-green-900">
        这份{DOCUMENT_KIND_LABEL[result.kind]}由本系统开具,以下关键信息与医保经办机构记录一致(个人信息已部分隐藏)。
      </p>
      <dl className="mt-3 grid grid-cols-[auto_1fr] gap-x-4 gap-y-1.5 text-sm">
        <dt className="text-slate-700">文件类型</dt>
        <dd data-testid="verify-kind">{DOCUMENT_KIND_LABEL[result.kind]}</dd>
        <dt className="text-slate-700">验证码</dt>
        <dd className="font-mono break-all">{result.code}</dd>
        <dt className="text-slate-700">开具时间</dt>
        <dd className="tabular">{formatDateTimeCst(result.issuedAt)}</dd>
        <dt className="text-slate-700">有效期至</dt>
        <dd className="tabular">{formatDateCst(result.expiresAt)}</dd>
      </dl>
      <div className="mt-4 rounded-md bg-white p-3">
        {result.kind === "PROOF" ? (
          <ProofFactsView facts={result.facts} name={result.maskedName} />
        ) : (
          <div className="space-y-3 text-sm">
            <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1.5">
              <dt className="text-slate-700">姓名</dt>
              <dd data-testid="verify-name">{result.maskedName}</dd>
              <dt className="text-slate-700">身份证号</dt>
              <dd className="tabular">{result.facts.maskedIdNumber}</dd>
              <dt className="text-slate-700">对账年度</dt>
              <dd>{result.facts.year}年</dd>
              <dt className="text-slate-700">对账期间</dt>
              <dd className="tabular">
                {result.facts.from} 至 {result.facts.to}
              </dd>
              <dt className="text-slate-700">明细笔数</dt>
              <dd>{result.facts.entryCount} 笔</dd>
            </dl>
            <StatementFiguresView facts={result.facts} />
          </div>
        )}
      </div>
    </section>
  );
}

export default async function VerifyPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const raw = (await searchParams).code;
  const code = (Array.isArray(raw) ? raw[0] : raw)?.slice(0, 100);
  const outcome = code === undefined ? null : await verify(code);
  // A malformed code is a typing problem, shown beside the field; a well-formed one that fails is a verdict.
  const typo = outcome?.status === "REFUSED" && (outcome.reason === "EMPTY" || outcome.reason === "FORMAT");
  const fieldError = typo ? outcome.message : undefined;

  return (
    <main className="mx-auto max-w-2xl space-y-4">
      <h1 className="text-xl font-semibold">对账单、参保证明真伪查验</h1>
      <p className="text-sm text-slate-700">
        输入个人账户对账单或参保证明上印制的验证码,即可核对文件是否由本系统开具、关键信息是否一致。验证码签名防伪,任一字符被改动都无法通过查验;验证码过期后不再受理查验。
      </p>
      <Card>
        <form method="get" className="space-y-3" noValidate>
          <Field
            name="code"
            label="验证码"
            defaultValue={code ?? ""}
            autoComplete="off"
            autoCapitalize="characters"
            spellCheck={false}
            hint="20位字母和数字,格式如 XXXX-XXXX-XXXX-XXXX-XXXX,不区分大小写"
            error={fieldError}
          />
          <button type="submit" className="rounded-md bg-brand-600 px-4 py-2 text-white hover:bg-brand-700 focus:outline-none focus:ring-2 focus:ring-brand-600 focus:ring-offset-2">
            查验
          </button>
        </form>
      </Card>
      {outcome?.status === "GENUINE" && <Genuine result={outcome} />}
      {outcome?.status === "EXPIRED" && (
        <section className="rounded-lg border-2 border-amber-500 bg-amber-50 p-4 text-sm text-amber-950" data-testid="verify-result">
          <h2 className="text-lg font-semibold" role="alert">
            验证码已过期
          </h2>
          <p className="mt-1">{outcome.message}</p>
          <p className="mt-1">
            文件类型:{DOCUMENT_KIND_LABEL[outcome.kind]};开具时间:{formatDateTimeCst(outcome.issuedAt)};有效期至:{formatDateCst(outcome.expiresAt)}
          </p>
        </section>
      )}
      {((outcome?.status === "REFUSED" && !typo) || outcome?.status === "LIMITED") && (
        <p role="alert" className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800" data-testid="verify-result">
          未通过查验:{outcome.message}
        </p>
      )}
    </main>
  );
}
