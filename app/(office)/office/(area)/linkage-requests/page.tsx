import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { z } from "zod";
import { Card } from "@/components/ui/card";
import { requireRole } from "@/lib/auth/guard";
import { db } from "@/lib/db/client";
import { formatDateTimeCst } from "@/lib/domain/dates";
import { classifyLoginId } from "@/lib/domain/identifiers";
import { findPersonId, maskedPersonText } from "@/lib/services/find-person";
import { listLinkageRequests, REQUEST_STATUS_LABEL } from "@/lib/services/list-linkage-requests";
import { loadStaff } from "@/lib/services/office-audit";

export const metadata: Metadata = { title: "账户关联申请" };

const STATUSES = ["PENDING", "APPROVED", "REFUSED", "CANCELLED"] as const;
const paramsSchema = z.object({
  status: z.enum(STATUSES).catch("PENDING"),
  q: z.string().max(40).optional().catch(undefined),
  scope: z.enum(["mine", "all"]).catch("mine"),
  subject: z.coerce.number().int().positive().max(2_147_483_647).optional().catch(undefined),
  after: z.coerce.number().int().positive().max(2_147_483_647).optional().catch(undefined),
});

function href(p: { status: string; q?: string; subject?: number; scope: string; after?: number }) {
  const s = new URLSearchParams({ status: p.status });
  if (p.q) s.set("q", p.q);
  if (p.subject) s.set("subject", String(p.subject));
  if (p.scope !== "mine") s.set("scope", p.scope);
  if (p.after) s.set("after", String(p.after));
  return `/office/linkage-requests?${s}`;
}

export default async function LinkageQueuePage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[]>>;
}) {
  const principal = await requireRole("staff");
  const raw = await searchParams;
  const params = paramsSchema.parse(
    Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v || undefined])),
  );
  const staff = await loadStaff(db(), principal.id);
  // An ID or card number is swapped for the person it finds, so the full number leaves the address bar.
  let notFound = false;
  const typed = params.q ? classifyLoginId(params.q) : null;
  if (typed && typed.kind !== "invalid") {
    const personId = await findPersonId(db(), typed);
    if (personId !== null) redirect(href({ ...params, q: undefined, subject: personId, after: undefined }));
    notFound = true;
  }
  const subjectText = params.subject ? await maskedPersonText(db(), params.subject) : null;
  const page = await listLinkageRequests(db(), {
    staffAgencyId: staff.agencyId,
    status: params.status,
    q: notFound ? undefined : params.q,
    subjectPersonId: notFound ? -1 : params.subject,
    allAgencies: params.scope === "all",
    after: params.after,
  });

  return (
    <main className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-xl font-semibold">账户关联申请</h1>
        <Link
          href="/office/linkage-requests/new"
          className="rounded-md bg-brand-600 px-4 py-2 text-sm font-medium text-white hover:bg-brand-700"
        >
          窗口受理新申请
        </Link>
      </div>
      <nav aria-label="申请状态">
        <ul className="flex flex-wrap gap-2 text-sm">
          {STATUSES.map((s) => (
            <li key={s}>
              <Link
                href={href({ ...params, status: s, after: undefined })}
                aria-current={params.status === s ? "page" : undefined}
                className={`inline-block rounded-full border px-3 py-1 ${params.status === s ? "border-brand-700 bg-brand-700 text-white" : "border-slate-300 bg-white text-slate-800 hover:bg-slate-100"}`}
              >
                {REQUEST_STATUS_LABEL[s]} <span className="tabular">({page.counts[s]})</span>
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <form method="get" className="flex flex-wrap items-end gap-3" aria-label="搜索申请">
        <input type="hidden" name="status" value={params.status} />
        {params.subject !== undefined && <input type="hidden" name="subject" value={params.subject} />}
        <div className="min-w-[14rem] flex-1">
          <label htmlFor="q" className="block text-sm font-medium">
            搜索
          </label>
          <input
            id="q"
            name="q"
            defaultValue={notFound ? "" : (params.q ?? "")}
            placeholder={subjectText ?? "姓名、身份证号或社保卡号"}
            className="mt-1 block w-full rounded-md border border-slate-300 bg-white px-3 py-2"
          />
        </div>
        <div>
          <label htmlFor="scope" className="block text-sm font-medium">
            范围
          </label>
          <select
            id="scope"
            name="scope"
            defaultValue={params.scope}
            className="mt-1 rounded-md border border-slate-300 bg-white px-3 py-2"
          >
            <option value="mine">本机构({staff.agencyName})</option>
            <option value="all">全部经办机构</option>
          </select>
        </div>
        <button type="submit" className="rounded-md bg-brand-600 px-4 py-2 text-white hover:bg-brand-700">
          查询
        </button>
      </form>

      {subjectText && (
        <p className="text-sm" data-testid="queue-subject">
          只看 {subjectText} 的申请 ·{" "}
          <Link
            href={href({ ...params, subject: undefined, after: undefined })}
            className="text-brand-700 underline"
          >
            显示全部
          </Link>
        </p>
      )}
      {notFound && (
        <p role="alert" className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">
          未找到该证件号码或社保卡号对应的参保人。
        </p>
      )}
      <Card>
        {page.rows.length === 0 ? (
          <p className="text-sm text-slate-700">没有{REQUEST_STATUS_LABEL[params.status]}的申请。</p>
        ) : (
          <ul
            className="divide-y divide-slate-100"
            aria-label={`${REQUEST_STATUS_LABEL[params.status]}的申请`}
          >
            {page.rows.map((r) => (
              <li key={r.id} className="py-3" data-testid="request-row">
                <div className="flex flex-wrap items-baseline justify-between gap-2">
                  <Link
                    href={`/office/linkage-requests/${r.id}`}
                    className="font-medium text-brand-700 underline"
                  >
                    申请 #{r.id}
                  </Link>
                  <span className="text-xs text-slate-600">
                    {r.sourceText} · {formatDateTimeCst(r.createdAt)} · {r.statusText}
                    {!r.mine && ` · ${r.agencyName}`}
                  </span>
                </div>
                <dl className="mt-1 grid grid-cols-[auto_1fr] gap-x-3 text-sm">
                  <dt className="text-slate-600">使用人</dt>
                  <dd>
                    {r.user.maskedName}{" "}
                    <span className="tabular text-slate-700">{r.user.maskedIdNumber}</span>
                  </dd>
                  <dt className="text-slate-600">提供人</dt>
                  <dd>
                    {r.provider.maskedName}{" "}
                    <span className="tabular text-slate-700">{r.provider.maskedIdNumber}</span>
                  </dd>
                </dl>
              </li>
            ))}
          </ul>
        )}
        {page.olderCursor !== null && (
          <nav aria-label="翻页" className="mt-3 text-right text-sm">
            <Link href={href({ ...params, after: page.olderCursor })} className="text-brand-700 underline">
              更早的申请 →
            </Link>
          </nav>
        )}
      </Card>
    </main>
  );
}
