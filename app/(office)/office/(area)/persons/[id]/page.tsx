import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { z } from "zod";
import { CardActionButton } from "@/components/office/forms";
import { Card } from "@/components/ui/card";
import { FormMessage } from "@/components/ui/form-message";
import { Money } from "@/components/ui/money";
import { requestIp } from "@/lib/auth/client-ip";
import { requireRole } from "@/lib/auth/guard";
import { routeId } from "@/lib/auth/route-id";
import { db } from "@/lib/db/client";
import { formatDateCst, formatDateTimeCst, yearOfCst } from "@/lib/domain/dates";
import { isDomainError } from "@/lib/domain/errors";
import {
  getPersonFileOverview,
  listPersonContributions,
  listPersonSettlements,
  type PersonFileOverview,
} from "@/lib/services/get-person-file";
import { getYearSummary } from "@/lib/services/get-year-summary";
import { listStatement } from "@/lib/services/list-statement";
import { openPersonFile, type PersonSection } from "@/lib/services/look-up-person";
import { cardAction } from "../actions";

export const metadata: Metadata = { title: "参保人信息" };

const SECTIONS: { key: PersonSection; label: string }[] = [
  { key: "overview", label: "概览与社保卡" },
  { key: "statement", label: "账户明细" },
  { key: "contributions", label: "缴费记录" },
  { key: "settlements", label: "就诊结算" },
];

const paramsSchema = z.object({
  section: z.enum(["overview", "statement", "contributions", "settlements"]).catch("overview"),
  after: z
    .string()
    .regex(/^\d{1,18}$/)
    .transform(BigInt)
    .optional()
    .catch(undefined),
  done: z.string().optional().catch(undefined),
});

const DONE: Record<string, string> = {
  "pre-lost": "已办理预挂失,10天内有效。",
  "pre-loss-cancelled": "已撤销预挂失,社保卡恢复正常。",
  lost: "已办理正式挂失(不可撤销),补卡已开始制作。",
  collected: "新卡已领取,旧卡作废。",
};

const KIND_TEXT: Record<string, string> = { PHARMACY: "购药", OUTPATIENT: "门诊", INPATIENT: "住院" };

function CardsSection({ personId, o }: { personId: number; o: PersonFileOverview }) {
  return (
    <Card title="社会保障卡">
      <ul className="space-y-4">
        {o.cards.map((c) => {
          const hidden = { personId, cardId: c.id };
          return (
            <li key={c.id} data-testid="card-row" className="space-y-2">
              <p className="text-sm">
                <span className="tabular font-medium">{c.maskedNumber}</span>
                <span className="ml-2" data-testid="card-status">
                  {c.statusText}
                </span>
                <span className="ml-2 text-xs text-slate-600">发卡 {c.issuedOn}</span>
              </p>
              {c.status === "PRE_LOST" && c.preLossExpiresAt && (
                <p className="text-sm text-slate-700">
                  预挂失有效至 {formatDateTimeCst(c.preLossExpiresAt)},到期自动失效。
                </p>
              )}
              {c.status === "LOST" && (
                <p className="text-sm text-slate-700" data-testid="reissue-ready">
                  {c.lostAt && `${formatDateCst(c.lostAt)} 正式挂失,`}新卡预计 {c.reissueReadyOn}{" "}
                  可领取(15个工作日,不含周末)。
                </p>
              )}
              <div className="flex flex-wrap gap-3">
                {c.status === "ACTIVE" && (
                  <>
                    <CardActionButton
                      action={cardAction}
                      hidden={{ ...hidden, operation: "preLoss" }}
                      label="预挂失"
                    />
                    <CardActionButton
                      action={cardAction}
                      hidden={{ ...hidden, operation: "formalLoss" }}
                      label="正式挂失"
                      tone="danger"
                      confirm="已告知参保人:正式挂失不可撤销,新卡15个工作日后领取"
                    />
                  </>
                )}
                {c.status === "PRE_LOST" && (
                  <>
                    <CardActionButton
                      action={cardAction}
                      hidden={{ ...hidden, operation: "cancelPreLoss" }}
                      label="撤销预挂失(卡已找到)"
                    />
                    <CardActionButton
                      action={cardAction}
                      hidden={{ ...hidden, operation: "formalLoss" }}
                      label="正式挂失"
                      tone="danger"
                      confirm="已告知参保人:正式挂失不可撤销,新卡15个工作日后领取"
                    />
                  </>
                )}
                {c.status === "LOST" && (
                  <CardActionButton
                    action={cardAction}
                    hidden={{ ...hidden, operation: "collected" }}
                    label="新卡已领取"
                  />
                )}
              </div>
            </li>
          );
        })}
        {o.cards.length === 0 && <li className="text-sm text-slate-700">没有社会保障卡记录。</li>}
      </ul>
    </Card>
  );
}

async function Overview({ personId }: { personId: number }) {
  const o = await getPersonFileOverview(db(), { personId });
  const summary = o.account ? await getYearSummary(db(), { personId, year: yearOfCst(o.readAt) }) : null;
  return (
    <>
      <Card title="参保信息">
        <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-2 text-sm">
          <dt className="text-slate-600">姓名</dt>
          <dd data-testid="person-name">{o.name}</dd>
          <dt className="text-slate-600">身份证号</dt>
          <dd className="tabular">{o.maskedIdNumber}</dd>
          <dt className="text-slate-600">个人编号</dt>
          <dd className="tabular">{o.personalNumber}</dd>
          <dt className="text-slate-600">参保类别</dt>
          <dd>{o.categoryText}</dd>
          <dt className="text-slate-600">人员状态</dt>
          <dd>{o.employmentStatusText}</dd>
          <dt className="text-slate-600">参保区县</dt>
          <dd>
            {o.districtName}({o.agencyName})
          </dd>
          {o.unitName && (
            <>
              <dt className="text-slate-600">参保单位</dt>
              <dd>{o.unitName}</dd>
            </>
          )}
          <dt className="text-slate-600">待遇状态</dt>
          <dd data-testid="benefit-status">
            {o.benefit.statusText}({o.benefit.reasonText}
            {o.benefit.since && `,自 ${o.benefit.since}`}
            {o.benefit.until && ` 至 ${o.benefit.until}`})
          </dd>
        </dl>
      </Card>
      <Card title="个人账户">
        {o.account ? (
          <>
            <p className="text-2xl font-semibold text-brand-800" data-testid="balance">
              <Money fen={o.account.balanceFen} />
            </p>
            <p className="text-sm text-slate-600">数据截至 {formatDateTimeCst(o.readAt)}</p>
            {summary && (
              <p className="mt-2 text-sm">
                {summary.year}年:上年结转 <Money fen={summary.carriedOverFen} /> · 本年划入{" "}
                <Money fen={summary.creditedFen} /> · 本年支出 <Money fen={summary.spentFen} />
              </p>
            )}
          </>
        ) : (
          <p className="text-sm text-slate-700">参加{o.categoryText},没有职工医保个人账户。</p>
        )}
      </Card>
      <Card title="账户关联">
        {o.linkage ? (
          <p className="text-sm" data-testid="person-linkage">
            {o.linkage.role === "USER" ? "使用人,使用" : "提供人,提供给"} {o.linkage.otherMaskedName}
            {o.linkage.role === "USER" ? " 的个人账户" : " 使用"}(自 {formatDateCst(o.linkage.approvedAt)},
            {o.linkage.agencyName}办理)。{" "}
            <Link href={`/office/linkages/${o.linkage.id}`} className="text-brand-700 underline">
              查看关联
            </Link>
          </p>
        ) : (
          <p className="text-sm text-slate-700">无有效关联。</p>
        )}
      </Card>
      <CardsSection personId={personId} o={o} />
    </>
  );
}

async function Statement({ personId, after }: { personId: number; after?: bigint }) {
  const page = await listStatement(db(), { personId, after });
  if (!page.hasAccount)
    return (
      <Card>
        <p className="text-sm text-slate-700">没有职工医保个人账户。</p>
      </Card>
    );
  return (
    <Card>
      <div className="-mx-4 overflow-x-auto px-4">
        <table className="w-full min-w-[20rem] text-sm">
          <caption className="sr-only">个人账户明细,由近到远</caption>
          <thead>
            <tr className="border-b border-slate-200 text-left text-slate-600">
              <th scope="col" className="py-2 pr-3 font-medium">
                日期
              </th>
              <th scope="col" className="py-2 pr-3 font-medium">
                类型
              </th>
              <th scope="col" className="hidden py-2 pr-3 font-medium sm:table-cell">
                摘要
              </th>
              <th scope="col" className="py-2 pr-3 text-right font-medium">
                金额
              </th>
              <th scope="col" className="py-2 text-right font-medium">
                余额
              </th>
            </tr>
          </thead>
          <tbody>
            {page.rows.map((r) => (
              <tr
                key={r.id.toString()}
                className="border-b border-slate-100 align-top"
                data-testid="statement-row"
              >
                <td className="tabular py-2 pr-3 whitespace-nowrap">{formatDateCst(r.occurredAt)}</td>
                <td className="py-2 pr-3">{r.kindText}</td>
                <td className="hidden py-2 pr-3 text-slate-700 sm:table-cell">
                  {r.description}
                  {r.counterpartyMaskedName && `(${r.counterpartyMaskedName})`}
                </td>
                <td
                  className={`py-2 pr-3 text-right ${r.amountFen < 0n ? "text-red-700" : "text-green-800"}`}
                >
                  <Money fen={r.amountFen} signed />
                </td>
                <td className="py-2 text-right">
                  <Money fen={r.balanceAfterFen} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {page.olderCursor !== null && (
        <nav aria-label="翻页" className="mt-3 text-right text-sm">
          <Link
            href={`/office/persons/${personId}?section=statement&after=${page.olderCursor}`}
            className="text-brand-700 underline"
          >
            较早记录 →
          </Link>
        </nav>
      )}
    </Card>
  );
}

async function Contributions({ personId }: { personId: number }) {
  const rows = await listPersonContributions(db(), { personId });
  if (rows.length === 0)
    return (
      <Card>
        <p className="text-sm text-slate-700">没有单位缴费记录(个人参保的按年缴费不在此列)。</p>
      </Card>
    );
  return (
    <Card>
      <div className="-mx-4 overflow-x-auto px-4">
        <table className="w-full min-w-[30rem] text-sm">
          <caption className="sr-only">最近36个月的缴费记录</caption>
          <thead>
            <tr className="border-b border-slate-200 text-left text-slate-600">
              <th scope="col" className="py-2 pr-3 font-medium">
                月份
              </th>
              <th scope="col" className="py-2 pr-3 text-right font-medium">
                缴费基数
              </th>
              <th scope="col" className="py-2 pr-3 text-right font-medium">
                单位缴纳
              </th>
              <th scope="col" className="py-2 pr-3 text-right font-medium">
                个人缴纳
              </th>
              <th scope="col" className="py-2 pr-3 text-right font-medium">
                大额互助
              </th>
              <th scope="col" className="py-2 font-medium">
                状态
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.id.toString()} className="border-b border-slate-100" data-testid="contribution-row">
                <td className="tabular py-2 pr-3">{r.month}</td>
                <td className="py-2 pr-3 text-right">
                  <Money fen={r.baseFen} />
                </td>
                <td className="py-2 pr-3 text-right">
                  <Money fen={r.unitPartFen} />
                </td>
                <td className="py-2 pr-3 text-right">
                  <Money fen={r.ownPartFen} />
                </td>
                <td className="py-2 pr-3 text-right">
                  <Money fen={r.mutualAidFen} />
                </td>
                <td className={`py-2 ${r.paidUpAt ? "" : "font-medium text-red-800"}`}>
                  {r.paidUpAt ? "已缴" : "欠缴"}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </Card>
  );
}

async function Settlements({ personId }: { personId: number }) {
  const rows = await listPersonSettlements(db(), { personId });
  if (rows.length === 0)
    return (
      <Card>
        <p className="text-sm text-slate-700">没有就诊结算记录。</p>
      </Card>
    );
  return (
    <Card>
      <ul className="divide-y divide-slate-100">
        {rows.map((r) => (
          <li key={r.id} className="py-2 text-sm" data-testid="settlement-row">
            <p>
              <span className="tabular">{r.serviceDate}</span> · {r.institutionName} ·{" "}
              {KIND_TEXT[r.kind] ?? r.kind} · 合计 <Money fen={r.totalFen} />
            </p>
            <p className="text-slate-700">
              统筹 <Money fen={r.fundPaidFen} /> · 个人账户 <Money fen={r.ownAccountFen} /> · 关联账户{" "}
              <Money fen={r.linkedAccountFen} /> · 现金 <Money fen={r.cashFen} />
            </p>
          </li>
        ))}
      </ul>
    </Card>
  );
}

export default async function PersonFilePage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[]>>;
}) {
  const principal = await requireRole("staff");
  const personId = routeId((await params).id);
  const raw = await searchParams;
  const q = paramsSchema.parse(
    Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v || undefined])),
  );
  let opened: { reason: string; lookedUpAt: Date };
  try {
    opened = await openPersonFile(db(), {
      staffId: principal.id,
      personId,
      section: q.section,
      ip: await requestIp(),
    });
  } catch (error) {
    if (isDomainError(error) && error.code === "LOOKUP_REQUIRED") redirect("/office/persons?expired=1");
    throw error;
  }
  const section = SECTIONS.find((s) => s.key === q.section)!;
  return (
    <main className="space-y-4">
      <p className="text-sm">
        <Link href="/office/persons" className="text-brand-700 underline">
          ← 重新查询
        </Link>
      </p>
      <h1 className="text-xl font-semibold">参保人信息 · {section.label}</h1>
      <p className="text-sm text-slate-700" data-testid="lookup-reason">
        查询原因:{opened.reason}(查询于 {formatDateTimeCst(opened.lookedUpAt)},本次查看已记入审计日志)
      </p>
      {q.done && DONE[q.done] && <FormMessage tone="success" message={DONE[q.done]} />}
      <nav aria-label="参保人信息栏目">
        <ul className="flex flex-wrap gap-2 text-sm">
          {SECTIONS.map((s) => (
            <li key={s.key}>
              <Link
                href={`/office/persons/${personId}?section=${s.key}`}
                aria-current={s.key === q.section ? "page" : undefined}
                className={`inline-block rounded-full border px-3 py-1 ${s.key === q.section ? "border-brand-700 bg-brand-700 text-white" : "border-slate-300 bg-white text-slate-800 hover:bg-slate-100"}`}
              >
                {s.label}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      {q.section === "overview" && <Overview personId={personId} />}
      {q.section === "statement" && <Statement personId={personId} after={q.after} />}
      {q.section === "contributions" && <Contributions personId={personId} />}
      {q.section === "settlements" && <Settlements personId={personId} />}
    </main>
  );
}
