import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { z } from "zod";
import { Card } from "@/components/ui/card";
import { requestIp } from "@/lib/auth/client-ip";
import { requireRole } from "@/lib/auth/guard";
import { db } from "@/lib/db/client";
import { AUDIT_ACTION_LABEL } from "@/lib/domain/audit-actions";
import { formatDateTimeCst } from "@/lib/domain/dates";
import { isDomainError } from "@/lib/domain/errors";
import { type AuditFilter, listAuditTrail } from "@/lib/services/list-audit-trail";

export const metadata: Metadata = { title: "审计日志" };

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const paramsSchema = z.object({
  staffNumber: z.string().max(16).optional().catch(undefined),
  person: z.string().max(40).optional().catch(undefined),
  action: z.string().max(40).optional().catch(undefined),
  from: day.optional().catch(undefined),
  to: day.optional().catch(undefined),
  subject: z.coerce.number().int().positive().max(2_147_483_647).optional().catch(undefined),
  after: z
    .string()
    .regex(/^\d{1,18}$/)
    .transform(BigInt)
    .optional()
    .catch(undefined),
});

function hrefOf(f: AuditFilter): string {
  const p = new URLSearchParams();
  const { subjectPersonId, ...rest } = f;
  for (const [k, v] of Object.entries(rest)) if (v !== undefined && v !== "") p.set(k, String(v));
  if (subjectPersonId !== undefined) p.set("subject", String(subjectPersonId));
  return `/office/audit?${p}`;
}

const inputClass = "mt-1 block w-full rounded-md border border-slate-300 bg-white px-3 py-2";

export default async function AuditTrailPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[]>>;
}) {
  const principal = await requireRole("staff");
  const raw = await searchParams;
  const { subject, ...typed } = paramsSchema.parse(
    Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v || undefined])),
  );
  const filter: AuditFilter = { ...typed, subjectPersonId: subject };
  let result: Awaited<ReturnType<typeof listAuditTrail>> | null = null;
  let problem: { field?: string; message: string } | null = null;
  try {
    result = await listAuditTrail(db(), { viewerStaffId: principal.id, filter, ip: await requestIp() });
  } catch (error) {
    if (!isDomainError(error)) throw error;
    problem = { field: error.field, message: error.message };
  }
  // A typed ID or card number is swapped for the person's id, so the full number leaves the address bar.
  if (result && filter.person && result.filterPersonId !== null) {
    redirect(
      hrefOf({ ...filter, person: undefined, subjectPersonId: result.filterPersonId, after: undefined }),
    );
  }
  const nextHref = () => hrefOf({ ...filter, after: result!.olderCursor ?? undefined });

  return (
    <main className="space-y-4">
      <h1 className="text-xl font-semibold">审计日志</h1>
      <p className="text-sm text-slate-700">
        审计记录只能追加,任何人都不能修改或删除(数据库拒绝并以哈希链校验)。
      </p>
      <form
        method="get"
        className="grid gap-3 sm:grid-cols-3 lg:grid-cols-6 lg:items-end"
        aria-label="筛选审计日志"
      >
        <div>
          <label htmlFor="staffNumber" className="block text-sm font-medium">
            工作人员工号
          </label>
          <input
            id="staffNumber"
            name="staffNumber"
            defaultValue={filter.staffNumber ?? ""}
            placeholder="如 S0001"
            className={inputClass}
            aria-invalid={problem?.field === "staffNumber" ? true : undefined}
            aria-describedby={problem?.field === "staffNumber" ? "audit-problem" : undefined}
          />
        </div>
        <div>
          <label htmlFor="person" className="block text-sm font-medium">
            参保人
          </label>
          <input
            id="person"
            name="person"
            defaultValue={filter.person ?? ""}
            placeholder={result?.filterPersonText ?? "身份证号或社保卡号"}
            className={inputClass}
            aria-invalid={problem?.field === "person" ? true : undefined}
            aria-describedby={problem?.field === "person" ? "audit-problem" : undefined}
          />
          {filter.subjectPersonId !== undefined && (
            <input type="hidden" name="subject" value={filter.subjectPersonId} />
          )}
        </div>
        <div>
          <label htmlFor="action" className="block text-sm font-medium">
            操作
          </label>
          <select id="action" name="action" defaultValue={filter.action ?? ""} className={inputClass}>
            <option value="">全部操作</option>
            {Object.entries(AUDIT_ACTION_LABEL).map(([code, label]) => (
              <option key={code} value={code}>
                {label}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="from" className="block text-sm font-medium">
            开始日期
          </label>
          <input id="from" name="from" type="date" defaultValue={filter.from ?? ""} className={inputClass} />
        </div>
        <div>
          <label htmlFor="to" className="block text-sm font-medium">
            结束日期
          </label>
          <input id="to" name="to" type="date" defaultValue={filter.to ?? ""} className={inputClass} />
        </div>
        <div className="flex gap-2">
          <button type="submit" className="rounded-md bg-brand-600 px-4 py-2 text-white hover:bg-brand-700">
            筛选
          </button>
          <Link
            href="/office/audit"
            className="rounded-md border border-slate-300 bg-white px-4 py-2 hover:bg-slate-100"
          >
            清除
          </Link>
        </div>
      </form>
      {problem && (
        <p
          id="audit-problem"
          role="alert"
          className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800"
        >
          {problem.message}
        </p>
      )}
      {result && (
        <Card>
          {result.filterPersonText && <p className="mb-2 text-sm">参保人:{result.filterPersonText}</p>}
          {result.rows.length === 0 ? (
            <p className="text-sm text-slate-700">没有符合条件的记录。</p>
          ) : (
            <ul className="divide-y divide-slate-100" aria-label="审计记录,由近到远">
              {result.rows.map((r) => (
                <li
                  key={r.id.toString()}
                  className="py-2 text-sm"
                  data-testid="audit-row"
                  data-action={r.action}
                >
                  <p className="flex flex-wrap justify-between gap-x-3">
                    <span className="font-medium">{r.actionText}</span>
                    <span className="tabular text-xs text-slate-600">
                      #{r.id.toString()} · {formatDateTimeCst(r.at)}
                    </span>
                  </p>
                  <p className="text-slate-800">
                    操作人:{r.actorText}
                    {r.subjectText && <> · 对象:{r.subjectText}</>}
                  </p>
                  {r.reason && <p className="text-slate-800">原因:{r.reason}</p>}
                  {r.detailsText && <p className="break-all text-xs text-slate-600">{r.detailsText}</p>}
                </li>
              ))}
            </ul>
          )}
          {result.olderCursor !== null && (
            <nav aria-label="翻页" className="mt-3 text-right text-sm">
              <Link href={nextHref()} className="text-brand-700 underline">
                更早的记录 →
              </Link>
            </nav>
          )}
        </Card>
      )}
    </main>
  );
}
