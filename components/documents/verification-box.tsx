import { formatDateCst, formatDateTimeCst } from "@/lib/domain/dates";

/** The code block printed at the foot of a statement or proof. */
export function VerificationBox({
  code,
  issuedAt,
  expiresAt,
  verifyUrl,
  expired,
}: {
  code: string;
  issuedAt: Date;
  expiresAt: Date;
  verifyUrl: string;
  expired: boolean;
}) {
  return (
    <section aria-labelledby="verification-heading" className="mt-6 rounded-md border border-slate-400 p-4 print:break-inside-avoid">
      <h2 id="verification-heading" className="text-base font-semibold">
        验证码
      </h2>
      <p className="mt-1 font-mono text-lg tracking-wider break-all" data-testid="verification-code">
        {code}
      </p>
      <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-sm">
        <dt className="text-slate-700">开具时间</dt>
        <dd className="tabular">{formatDateTimeCst(issuedAt)}</dd>
        <dt className="text-slate-700">验证码有效期至</dt>
        <dd className="tabular" data-testid="expires-on">
          {formatDateCst(expiresAt)}
          {expired && <strong className="ml-2 text-red-700">(已过期)</strong>}
        </dd>
        <dt className="text-slate-700">查验网址</dt>
        <dd className="break-all">{verifyUrl}</dd>
      </dl>
      <p className="mt-2 text-xs text-slate-700">
        任何单位或个人均可在上述网址输入验证码,核对本文件的关键信息是否与医保经办机构记录一致。验证码被改动任一字符即无法通过查验。
      </p>
    </section>
  );
}
